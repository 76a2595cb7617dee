import fs from 'node:fs'
import path from 'node:path'
import { startInProcess, type InProcess } from '../contract/support/in-process'
import { Phone, BASE_LIBRARIES, WEAPP_DIR } from './runtime/phone'
import { readAppJson } from './weapp-output'
import { applyByTaps } from './runtime/apply-journey'
import { visit, visitTable, LIMITS, type Visit } from './runtime/page-visits'
import { readTemplateLevels } from './runtime/templates'

const REPORT = path.resolve(__dirname, '..', 'output', 'weapp-runtime.md')
const report: string[] = ['# Every weapp page in a WeChat-like service thread', '']

/** This month in China, as the staff report's `month` (YYYY-MM). */
const chinaMonth = (d: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(d)

/** The query each page is opened with (as links in the app build it); pages not listed take none. */
function queryFor(route: string, number: string): Record<string, string> {
  if (/\/(result|detail|rate|case)\/index$/.test(route)) return { number }
  if (route.endsWith('staff/pages/report/index') || route.endsWith('oversight/pages/print/index')) return { month: chinaMonth(new Date()) }
  if (route.endsWith('account/pages/login/index') || route.endsWith('account/pages/consent/index')) return { next: '/packages/apply/pages/service/index' }
  return {}
}

/** A phone on which a member of staff signed in through the start page's 工作人员入口. */
async function staffSignedIn(serverUrl: string, version: string, username: string, password: string): Promise<Phone> {
  const phone = new Phone(serverUrl, version)
  await phone.thread.launch()
  await phone.tap('工作人员入口')
  await phone.type('账号', username)
  await phone.type('密码', password)
  await phone.tap('登录')
  return phone
}

function expectWithinLimits(visits: Visit[]): void {
  const { throughComp } = readTemplateLevels(WEAPP_DIR)
  const problems = visits.flatMap((v) => [
    ...(v.firstBytes === undefined ? [`${v.route}: never rendered (no setData)`] : []),
    ...v.errors.map((e) => `${v.route}: ${e}`),
    ...(v.maxBytes > LIMITS.hardBytes ? [`${v.route}: a setData of ${v.maxBytes} bytes (WeChat refuses over 1 MB)`] : []),
    ...(v.perSecond > LIMITS.perSecond ? [`${v.route}: ${v.perSecond} setData calls in one second`] : []),
    ...(v.nodes >= LIMITS.nodes ? [`${v.route}: ${v.nodes} nodes`] : []),
    // past base.wxml's last level a node is drawn through Taro's comp component, a path this runtime does not model
    ...(v.level >= throughComp ? [`${v.route}: drawn at template level ${v.level}, through Taro's comp component from ${throughComp}: raise baseLevel in config/index.ts`] : []),
    // a node kind without a template in base.wxml: WeChat draws neither it nor anything inside it
    ...(v.undrawn.length ? [`${v.route}: draws nothing for ${v.undrawn.join(', ')} (no template in base.wxml)`] : []),
    ...(v.pullDownStopped === false ? [`${v.route}: the pull-down spinner never stops`] : []),
  ])
  expect(problems).toEqual([])
}

/** Staff pages other than the sign-in, without a staff sign-in, must lead to it (never a dead end). */
function expectStaffSentToSignIn(visits: Visit[]): void {
  const staff = visits.filter((v) => v.route.startsWith('packages/staff/') && !v.route.endsWith('/login/index'))
  expect(staff.map((v) => [v.route, v.redirectedTo])).toEqual(staff.map((v) => [v.route, 'packages/staff/pages/login/index']))
}

afterAll(() => {
  fs.mkdirSync(path.dirname(REPORT), { recursive: true })
  fs.writeFileSync(REPORT, report.join('\n'))
  process.stdout.write(`\n${report.join('\n')}\n(written to ${path.relative(process.cwd(), REPORT)})\n`)
})

describe.each(BASE_LIBRARIES)('every page of the weapp build at base library %s', (version) => {
  let server: InProcess
  beforeAll(async () => { server = await startInProcess() })
  afterAll(async () => { await server.close() })

  it('should load and render each page signed out, with no error and within WeChat\'s setData limits', async () => {
    const phone = new Phone(server.url, version)
    await phone.thread.launch()
    const start = phone.thread.setDataCalls[0]
    expect(start?.route).toBe('pages/index/index')
    report.push(`Start page, base library ${version}: first setData ${start.bytes} bytes (${(start.bytes / 1024).toFixed(1)} KB).`, '')
    const visits: Visit[] = []
    for (const route of phone.thread.allRoutes()) visits.push(await visit(phone, route, queryFor(route, 'WZ20261201000001')))
    report.push(visitTable(`Signed out, base library ${version}`, visits))
    expectWithinLimits(visits)
    expectStaffSentToSignIn(visits)
    // every page of app.json, main package and subpackages, was opened
    const app = readAppJson(WEAPP_DIR)
    expect(visits.map((v) => v.route)).toEqual([...app.pages, ...(app.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))])
    phone.close()
  })

  it('should load and render each page signed in as 李明远 with a submitted application, with no error and within the limits', async () => {
    const phone = new Phone(server.url, version)
    await phone.thread.launch()
    const { number } = await applyByTaps(phone)
    const visits: Visit[] = []
    for (const route of phone.thread.allRoutes()) visits.push(await visit(phone, route, queryFor(route, number)))
    report.push(visitTable(`Signed in as 李明远 (application ${number}), base library ${version}`, visits))
    expectWithinLimits(visits)
    // an applicant sign-in is no staff sign-in (it used to end at 无权访问该内容 on the case, dashboard and report)
    expectStaffSentToSignIn(visits)
    // the pages about the application show it, not a sign-in prompt
    phone.thread.close()
    const detail = new Phone(server.url, version, { storage: phone.thread.storage })
    await detail.thread.launch('packages/track/pages/detail/index', { number })
    expect(detail.screen).toContain(number)
    expect(detail.screen).not.toContain('请先登录')
    // no subscribe-message template ids are configured in this build: nothing to offer
    expect(detail.screen).not.toContain('订阅办理进度提醒')
    expect(detail.thread.errors).toEqual([])
    detail.close()
  })

  it('should load and render each page signed in as a staff 班长 of the case\'s enterprise, with no error and within the limits', async () => {
    const applicant = new Phone(server.url, version)
    await applicant.thread.launch()
    const { number } = await applyByTaps(applicant)
    applicant.close()
    const phone = await staffSignedIn(server.url, version, 'gw-banzhang', 'Demo-gw-bz-2026')
    expect(phone.at).toBe('packages/staff/pages/search/index')
    const visits: Visit[] = []
    for (const route of phone.thread.allRoutes()) visits.push(await visit(phone, route, queryFor(route, number)))
    report.push(visitTable(`Signed in as staff 国网万州 班长 (application ${number}), base library ${version}`, visits))
    expectWithinLimits(visits)
    const staffPages = visits.filter((v) => v.route.startsWith('packages/staff/') && !v.route.endsWith('/login/index'))
    expect(staffPages.filter((v) => v.redirectedTo)).toEqual([])
    expect(visits.find((v) => v.route.endsWith('staff/pages/case/index'))?.shows).toContain(number)
    phone.close()
  })

  it('should load and render each page signed in as the district (区经信委), its oversight tables included, with no error and within the limits', async () => {
    const phone = await staffSignedIn(server.url, version, 'wz-jxw', 'Demo-jxw-2026')
    expect(phone.at).toBe('packages/oversight/pages/month/index')
    const visits: Visit[] = []
    for (const route of phone.thread.allRoutes()) visits.push(await visit(phone, route, queryFor(route, 'WZ20261201000001')))
    report.push(visitTable(`Signed in as the district 区经信委, base library ${version}`, visits))
    expectWithinLimits(visits)
    const oversight = visits.filter((v) => v.route.startsWith('packages/oversight/'))
    expect(oversight.map((v) => [v.route, v.redirectedTo])).toEqual(oversight.map((v) => [v.route, undefined]))
    expect(oversight.filter((v) => /失败|无权/.test(v.shows))).toEqual([])
    phone.close()
  })
})
