import { startInProcess, type InProcess } from '../contract/support/in-process'
import { Phone, BASE_LIBRARIES } from './runtime/phone'
import { applyByTaps } from './runtime/apply-journey'

/** A full 18-digit ID number, never to be rendered (only masked forms are). */
const FULL_ID = /\d{17}[\dX]/

describe.each(BASE_LIBRARIES)('the weapp build, driven by taps in a WeChat-like service thread (base library %s)', (version) => {
  let server: InProcess
  beforeAll(async () => { server = await startInProcess() })
  afterAll(async () => { await server.close() })

  /** A phone signed in through the 渝快办 web-view as `identity`, consent given, at 选择业务. */
  async function atServiceChoice(identity: string): Promise<Phone> {
    const phone = new Phone(server.url, version)
    await phone.thread.launch()
    await phone.signInWithYkb(identity)
    await phone.tap('同意并继续')
    expect(phone.at).toBe('packages/apply/pages/service/index')
    return phone
  }

  it('should take a first-time applicant from the start page to a numbered receipt, signing in through the 渝快办 web-view', async () => {
    const phone = new Phone(server.url, version)
    await phone.thread.launch()
    const { number, seen, typed } = await applyByTaps(phone)

    const routes = seen.map((s) => s.route).filter((r, i, all) => r !== all[i - 1])
    expect(routes).toEqual([
      'pages/index/index', 'packages/account/pages/consent/index', 'packages/apply/pages/service/index',
      'packages/apply/pages/applicant/index', 'packages/apply/pages/address/index', 'packages/apply/pages/load/index',
      'packages/apply/pages/licences/index', 'packages/apply/pages/check/index',
      'packages/apply/pages/result/index',
    ])
    // what each screen rendered: the real-name identity masked, the answers carried to the review and the contract
    const on = (route: string) => seen.filter((s) => s.route === route).map((s) => s.text).join('\n')
    expect(on('packages/apply/pages/applicant/index')).toContain('已通过渝快办实名：李**（5001**********231X）')
    expect(on('packages/apply/pages/licences/index').match(/电子证照标识校验通过/g)).toHaveLength(2)
    expect(on('packages/apply/pages/check/index')).toContain('重庆市万州区瀼渡镇演示街9号1幢1-1')
    expect(on('packages/apply/pages/check/index')).toContain('报装容量20千瓦')
    expect(on('packages/apply/pages/check/index')).toContain('用电人：李**')
    for (const s of seen) expect(s.data).not.toMatch(FULL_ID)

    expect(number).toMatch(/^WZ\d{14}$/)
    expect(phone.screen).toContain('全流程不超过7个工作日')
    expect(phone.screen).toContain('0元')
    expect(phone.screen).toMatch(/预计\d{4}-\d{2}-\d{2}/)
    expect(typed).toBe(12)
    process.stdout.write(`base library ${version}: ${number} after ${routes.length} screens (${routes.map((r) => r.split('/').slice(-2, -1)[0]).join(' → ')}), ${typed} characters typed, ${phone.thread.setDataCalls.length} setData calls\n`)

    // neither the sign-in nor the wizard stays below the result: back leads home, to a fresh start
    expect(phone.thread.pages().map((p) => p.route)).toEqual(['pages/index/index', 'packages/apply/pages/result/index'])
    await phone.thread.systemBack()
    expect(phone.at).toBe('pages/index/index')
    expect(phone.screen).toContain('我要申请办电')
    expect(phone.screen).not.toContain('继续填写申请')
    expect(phone.thread.errors).toEqual([])
    expect(phone.thread.unavailable).toEqual([])
    phone.close()
  })

  it('should lead back from 选择业务 to the start page once signed in, never to 登录后在线申请 again', async () => {
    const phone = await atServiceChoice('ykb-demo-zhao')
    await phone.thread.systemBack()
    expect(phone.at).toBe('pages/index/index')
    expect(phone.screen).toContain('已登录')
    expect(phone.thread.errors).toEqual([])
    phone.close()
  })

  it('should show the service question\'s error on 继续 with nothing chosen, and clear it once a service is tapped', async () => {
    const phone = await atServiceChoice('ykb-demo-wang')
    await phone.tap('继续')
    expect(phone.at).toBe('packages/apply/pages/service/index')
    const error = /请选择[^。，]*/.exec(phone.screen)?.[0]
    expect(error).toBeDefined()
    await phone.tapRole('radio', '居民新装')
    expect(phone.screen).not.toContain(error)
    expect(phone.thread.errors).toEqual([])
    phone.close()
  })
})
