import { startInProcess, type InProcess } from '../contract/support/in-process'
import { advanceCase } from '../../mock/cli/advance-case'
import { CURRENT_BASE_LIBRARY } from './runtime/base-library'
import { Phone } from './runtime/phone'
import { applyByTaps } from './runtime/apply-journey'

/**
 * How soon a step the supply enterprise pushes shows on an open 我的申请 detail page, in the thread's virtual
 * time (the page asks its case's version every 1.5 s for five quiet minutes, then backs off ×2 to 30 s, and reads
 * the detail only when the version moved); and what its 分享 hands on.
 */
describe('an open detail page in the weapp build', () => {
  let server: InProcess
  beforeAll(async () => { server = await startInProcess() })
  afterAll(async () => { await server.close() })

  /** Lets virtual time pass half a second at a time until the screen changes; the virtual ms it took. */
  async function untilChanged(phone: Phone, limitMs: number): Promise<number> {
    const before = phone.screen
    const start = phone.thread.clock.now
    while (phone.screen === before) {
      if (phone.thread.clock.now - start > limitMs) throw new Error(`no change on the detail page within ${limitMs / 1000} s`)
      await phone.thread.idle(500)
    }
    return phone.thread.clock.now - start
  }

  it('should show a pushed step within 2 s, also after two quiet minutes, re-rendering nothing meanwhile', async () => {
    const phone = new Phone(server.url, CURRENT_BASE_LIBRARY)
    await phone.thread.launch()
    const { number } = await applyByTaps(phone)
    const opened = phone.thread.clock.now
    await phone.tap('查看办理进度')
    expect(phone.at).toBe('packages/track/pages/detail/index')
    const push = () => advanceCase({ db: server.db, base: server.url, number })

    const pushedAfter = phone.thread.clock.now - opened
    await push()
    const fresh = await untilChanged(phone, 70_000)
    const requests0 = phone.thread.setDataCalls.length
    await phone.thread.idle(120_000) // two quiet minutes: the polls back off
    const quietRenders = phone.thread.setDataCalls.length - requests0
    await push()
    const later = await untilChanged(phone, 70_000)
    process.stdout.write(`detail page: a push ${pushedAfter / 1000} s after it opened showed ${fresh / 1000} s later; a push after two quiet minutes (${quietRenders} re-renders meanwhile) showed ${later / 1000} s later\n`)
    expect(fresh).toBeLessThanOrEqual(2_000)
    expect(later).toBeLessThanOrEqual(2_000)
    expect(quietRenders).toBe(0)
    expect(phone.thread.errors).toEqual([])
    phone.close()
  })

  it('should share the case as a card of 查询进度 with the number filled in, and nothing personal', async () => {
    const phone = new Phone(server.url, CURRENT_BASE_LIBRARY)
    await phone.thread.launch()
    const { number } = await applyByTaps(phone)
    await phone.tap('查看办理进度')
    expect(phone.screen).toContain('分享')
    const page = phone.thread.top()
    const onShare = page.onShareAppMessage as ((o: { from: string }) => { title: string; path: string }) | undefined
    expect(typeof onShare).toBe('function') // enableShareAppMessage: the button and the top-right menu share
    const card = onShare?.call(page, { from: 'button' })
    expect(card).toEqual({ title: `查询办电进度（申请编号${number}）`, path: `/packages/track/pages/lookup/index?number=${number}` })
    // a page has one share handler: the card is for the button tapped (Taro hands on the tapped element's dataset),
    // as on the result page of a 一件事, which shows the application's number and the 一件事's
    const tapped = onShare?.call(page, { from: 'button', target: { dataset: { number: 'YJ20261205000001', label: '一件事编号' } } } as { from: string })
    expect(tapped).toEqual({ title: '查询办电进度（一件事编号YJ20261205000001）', path: '/packages/track/pages/lookup/index?number=YJ20261205000001' })
    expect(phone.thread.errors).toEqual([])
    phone.close()

    // someone else opens the card on their phone: the lookup with the number in it, and nothing of the case
    const [route, query = ''] = (card?.path ?? '').slice(1).split('?')
    const theirs = new Phone(server.url, CURRENT_BASE_LIBRARY)
    await theirs.thread.launch(route, Object.fromEntries(new URLSearchParams(query)))
    await theirs.thread.idle()
    expect(theirs.at).toBe('packages/track/pages/lookup/index')
    expect(theirs.screen).toContain('免登录查询办理进度')
    expect(theirs.finger.inputs(theirs.thread.top()).some((i) => i.label.includes(number))).toBe(true) // filled in
    for (const secret of ['李', '演示街', '瀼渡镇', '受理签约']) expect(theirs.screen).not.toContain(secret)
    expect(theirs.thread.errors).toEqual([])
    theirs.close()
  })
})
