// The monthly figures on a small hand-computed October 2026 (National Day holidays), every step pushed through the
// real signed push endpoint at its own server time.
import { callApi } from '../../src/lib/http/client'
import type { InProcess } from './support/in-process'
import { failure } from './support/fixtures'
import { applyShop, progressSuite, push, rec, type Owner } from './support/progress-fixtures'
import { accessRows, rawGet, setChinaTime, staffSignIn, unmaskedIn, type SignedInStaff } from './support/staff-fixtures'

const suite = progressSuite()
const { clock } = suite
let s: InProcess
let li: Owner
let supervisor: SignedInStaff
let admin: SignedInStaff
const n: Record<string, string> = {}
const at = (local: string) => setChinaTime(clock, local)

beforeAll(async () => {
  ({ s, li } = suite)
  const step = async (when: string, number: string, ...records: Parameters<typeof rec>[]) => {
    at(when)
    const r = await push(s, clock, records.map((args) => rec(...args)), { supplier: number === n.r4 ? 'sanxia' : 'sgcc-wanzhou' })
    if (r.code !== '00') throw new Error(`push refused: ${r.code} ${JSON.stringify(r.errors)}`)
  }
  const finishAcceptStartBuild = (number: string): Parameters<typeof rec>[] => [[number, 'stage-finish', 'accept-sign'], [number, 'stage-start', 'build-connect']]
  const finishBuildComplete = (number: string): Parameters<typeof rec>[] => [[number, 'stage-finish', 'build-connect'], [number, 'complete']]
  // R1: Sep 29 → Oct 12 across the holidays: 5 working days (09-30, 10-08, 10-09, 10-10, 10-12)
  at('2026-09-29T10:00'); n.r1 = await applyShop(li)
  await step('2026-09-30T10:00', n.r1, ...finishAcceptStartBuild(n.r1))
  await step('2026-10-12T15:00', n.r1, ...finishBuildComplete(n.r1))
  // R2: Oct 12 → 22 with a pause (10-14, 10-19]: 8 − 3 = 5 working days; rated 不满意 on 10-23
  at('2026-10-12T09:00'); n.r2 = await applyShop(li)
  await step('2026-10-13T09:00', n.r2, ...finishAcceptStartBuild(n.r2))
  await step('2026-10-14T10:00', n.r2, [n.r2, 'pause', 'build-connect', { pauseReason: 'appointment-moved', dueBy: '2026-10-19' }])
  await step('2026-10-19T10:00', n.r2, [n.r2, 'resume', 'build-connect'])
  await step('2026-10-22T16:00', n.r2, ...finishBuildComplete(n.r2))
  at('2026-10-23T11:00'); await callApi('rate', { params: { number: n.r2 }, body: { grade: 2 } }, li.client)
  // R3: open since Oct 20; its 8th working day, 10-30, is before the month's end
  at('2026-10-20T10:00'); n.r3 = await applyShop(li)
  await step('2026-10-21T10:00', n.r3, ...finishAcceptStartBuild(n.r3))
  // R4: 三峡水利, Oct 19 → 22: 3 working days
  at('2026-10-19T10:00'); n.r4 = await applyShop(li, '500101155')
  await step('2026-10-20T10:00', n.r4, ...finishAcceptStartBuild(n.r4))
  await step('2026-10-22T10:00', n.r4, ...finishBuildComplete(n.r4))
  at('2026-11-26T10:00')
  supervisor = await staffSignIn(s, 'gw-banzhang')
  admin = await staffSignIn(s, 'wz-admin')
})

const dashboard = (who: SignedInStaff, supplier?: 'sgcc-wanzhou' | 'sanxia') => callApi('staffDashboard', { query: { month: '2026-10', supplier } }, who.client)

describe('staffDashboard', () => {
  it('should report October for 国网万州供电分公司 as computed by hand', async () => {
    const d = await dashboard(supervisor)
    expect([d.month, d.supplier, d.received, d.completed, d.inProgress, d.overdue]).toEqual(['2026-10', 'sgcc-wanzhou', 2, 2, 1, 1])
    expect(d.services.map((x) => [x.service, x.completed, x.mean, x.median, x.p90, x.withinTargetShare])).toEqual([
      ['resident', 0, null, null, null, null], ['lv-business', 2, 5, 5, 5, 1], ['hv-10kv', 0, null, null, null, null],
    ])
    expect(d.slowestStages).toEqual([
      { service: 'lv-business', stage: 'accept-sign', name: '受理签约', meanDays: 1, limitDays: 1, overLimitShare: 0 },
      { service: 'lv-business', stage: 'build-connect', name: '施工接电', meanDays: 4, limitDays: 6, overLimitShare: 0 },
    ])
    expect(d.pauses).toEqual({ cases: 1, meanPausedDays: 3 })
    // both completed shops within the plan's 7; the national 5/15 waits for staff to record external works
    expect(d.targets.map((t) => [t.code, t.services[1].within, t.services[1].over, t.services[1].unknown])).toEqual([['plan-2021', 2, 0, 0], ['national-2025', 0, 0, 2]])
    expect(d.ratings).toEqual({
      count: 1, distribution: { 1: 0, 2: 1, 3: 0, 4: 0, 5: 0 },
      followUps: [{ number: n.r2, grade: 2, deadline: '2026-11-13', estimated: false, closed: false }],
    })
  })

  it('should add 三峡水利\'s case for the admin over both enterprises', async () => {
    const d = await dashboard(admin)
    expect([d.supplier, d.received, d.completed, d.inProgress, d.overdue]).toEqual([null, 3, 3, 1, 1])
    expect(d.services[1]).toMatchObject({ completed: 3, mean: 4.3, median: 5, p90: 5, withinTargetShare: 1 })
    expect((await dashboard(admin, 'sanxia'))).toMatchObject({ supplier: 'sanxia', received: 1, completed: 1, inProgress: 0 })
  })

  it('should refuse a month that has not begun', async () => {
    const e = await failure(callApi('staffDashboard', { query: { month: '2026-12' } }, supervisor.client))
    expect(e.fieldErrors).toEqual([{ path: 'query.month', message: '该月份尚未开始，请选择本月或以前的月份' }])
  })
})

describe('staffReportCsv', () => {
  const csv = async (who: SignedInStaff) => {
    const res = await rawGet(s, '/api/staff/report.csv?month=2026-10', who.token)
    return { res, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer()) }
  }

  it('should start with a BOM, download as wanzhou-<supplier>-<month>.csv, and repeat the dashboard\'s figures', async () => {
    const { res, text } = await csv(supervisor)
    expect(text.charCodeAt(0)).toBe(0xfeff)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="wanzhou-sgcc-wanzhou-2026-10.csv"')
    const lines = text.slice(1).split('\r\n')
    const value = (label: string) => Number(lines.find((l) => l.startsWith(`${label},`))?.split(',')[1])
    const d = await dashboard(supervisor)
    expect([value('本月受理'), value('本月办结'), value('在办（月末或当前）'), value('超时在办（月末或当前）')]).toEqual([d.received, d.completed, d.inProgress, d.overdue])
    expect(lines).toContain('低压非居民新装（小微企业）,7,最长,2,5,5,5,100.0%')
    expect(lines).toContain('万州2021年实施方案,低压非居民新装（小微企业）,2,0,0,0,100.0%')
    expect(lines).toContain('国家2025年获得电力意见（据报道）,低压非居民新装（小微企业）,0,0,2,0,')
    expect([value('暂停计时的办结申请'), value('平均暂停工作日'), value('本月评价'), value('评价：不满意')]).toEqual([1, 3, 1, 1])
    expect(lines).toContain(`,${n.r2},2,2026-11-13,待回访`)
  })

  it('should list the month\'s cases after a blank line, with the state and days at export, and no personal data', async () => {
    const { text } = await csv(supervisor)
    const lines = text.slice(1).split('\r\n')
    const list = lines.slice(lines.indexOf('') + 1).filter(Boolean)
    expect(list).toEqual([
      '申请编号,业务,乡镇（街道）,提交时间,办结时间,状态（导出时）,已用/时限（工作日）,暂停（工作日）,是否超时,预计办结（未办结时）',
      `${n.r3},低压非居民新装（小微企业）,瀼渡镇,2026-10-20 10:00,,已超时,27/7,0,是,2026-10-29`,
      `${n.r2},低压非居民新装（小微企业）,瀼渡镇,2026-10-12 09:00,2026-10-22 16:00,已办结,5/7,3,否,`,
      `${n.r1},低压非居民新装（小微企业）,瀼渡镇,2026-09-29 10:00,2026-10-12 15:00,已办结,5/7,0,否,`,
    ])
    expect(unmaskedIn(text)).toEqual([])
    expect(text).not.toContain('李')
    expect(accessRows(s).at(-1)).toEqual({ staff: 'gw-banzhang', action: 'export', target: 'wanzhou-sgcc-wanzhou-2026-10.csv', detail: '导出月度报告：3件申请（个人信息已脱敏）' })
  })

  it('should name the admin\'s report over both enterprises wanzhou-all-<month>.csv', async () => {
    const { res } = await csv(admin)
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="wanzhou-all-2026-10.csv"')
  })
})
