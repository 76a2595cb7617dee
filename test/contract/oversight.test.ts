// The district's oversight (区经信委) on a small hand-computed October 2026, every step pushed through the real
// signed push endpoint: both enterprises side by side, the same figures as each 班长's own dashboard, and nothing
// personal anywhere in what the district receives.
import { callApi } from '../../src/lib/http/client'
import type { InProcess } from './support/in-process'
import { DEMO, failure } from './support/fixtures'
import { applyShop, progressSuite, rec, type Owner } from './support/progress-fixtures'
import { pushAt, rawGet, setChinaTime, staffSignIn, unmaskedIn, type SignedInStaff } from './support/staff-fixtures'

const suite = progressSuite()
const { clock } = suite
let s: InProcess
let li: Owner
let district: SignedInStaff
let gwSupervisor: SignedInStaff
let admin: SignedInStaff
const n: Record<string, string> = {}
const at = (local: string) => setChinaTime(clock, local)

beforeAll(async () => {
  ({ s, li } = suite)
  const step = (when: string, supplier: 'sgcc-wanzhou' | 'sanxia', ...records: Parameters<typeof rec>[]) => pushAt(s, clock, when, supplier, ...records)
  const walk = async (number: string, supplier: 'sgcc-wanzhou' | 'sanxia', accepted: string, built: string) => {
    await step(accepted, supplier, [number, 'stage-finish', 'accept-sign'], [number, 'stage-start', 'build-connect'])
    await step(built, supplier, [number, 'stage-finish', 'build-connect'], [number, 'complete'])
  }
  gwSupervisor = await staffSignIn(s, 'gw-banzhang')
  // G1: 国网万州, Oct 12 → 22: 8 working days; rated 不满意 on 10-23 (follow-up due 11-13), followed up on 11-10
  at('2026-10-12T09:00'); n.g1 = await applyShop(li)
  await walk(n.g1, 'sgcc-wanzhou', '2026-10-13T09:00', '2026-10-22T16:00')
  at('2026-10-23T11:00'); await callApi('rate', { params: { number: n.g1 }, body: { grade: 2 } }, li.client)
  at('2026-11-10T10:00'); await callApi('staffFollowUp', { params: { number: n.g1 }, body: { note: '已电话回访，申请人认可' } }, gwSupervisor.client)
  // G2: 国网万州, open since Oct 20; past 7 working days on 10-30
  at('2026-10-20T10:00'); n.g2 = await applyShop(li)
  // S1: 三峡水利, Oct 19 → 22: 3 working days; rated 非常满意
  at('2026-10-19T10:00'); n.s1 = await applyShop(li, '500101155')
  await walk(n.s1, 'sanxia', '2026-10-20T10:00', '2026-10-22T10:00')
  at('2026-10-23T12:00'); await callApi('rate', { params: { number: n.s1 }, body: { grade: 5 } }, li.client)
  at('2026-11-26T10:00')
  district = await staffSignIn(s, 'wz-jxw')
  gwSupervisor = await staffSignIn(s, 'gw-banzhang')
  admin = await staffSignIn(s, 'wz-admin')
})

const october = (who = district) => callApi('oversightMonth', { query: { month: '2026-10' } }, who.client)

describe('oversightMonth', () => {
  it('should show the district both enterprises side by side, as computed by hand', async () => {
    const m = await october()
    expect(district.staff).toMatchObject({ username: 'wz-jxw', role: 'district', supplier: null })
    expect(m.enterprises.map((e) => [e.provider, e.received, e.completed, e.inProgress, e.overdue])).toEqual([
      ['sgcc-wanzhou', 2, 1, 1, 1], ['sanxia', 1, 1, 0, 0],
      // the joint connection's utilities are overseen too: their columns are there, empty until they have cases
      ['wz-water', 0, 0, 0, 0], ['wz-gas', 0, 0, 0, 0], ['wz-telecom', 0, 0, 0, 0],
    ])
    const [gw, sx] = m.enterprises
    expect(gw.services[1]).toMatchObject({ service: 'lv-business', target: 7, targetKind: 'max', completed: 1, mean: 8, median: 8, p90: 8, withinTargetShare: 0 })
    expect(sx.services[1]).toMatchObject({ completed: 1, median: 3, withinTargetShare: 1 })
    // G1's 差评 followed up on 11-10, before its deadline 11-13
    expect(gw.ratings).toMatchObject({ count: 1, satisfiedShare: 0, bad: 1, followUpsDue: 1, followedUpInTime: 1, followedUpInTimeShare: 1 })
    expect(sx.ratings).toMatchObject({ count: 1, satisfiedShare: 1, meanGrade: 5, bad: 0, followedUpInTimeShare: null })
  })

  it('should agree with each enterprise\'s own dashboard (one computation)', async () => {
    const m = await october()
    for (const [who, supplier] of [[gwSupervisor, undefined], [admin, 'sanxia']] as const) {
      const d = await callApi('staffDashboard', { query: { month: '2026-10', supplier } }, who.client)
      const e = m.enterprises.find((x) => x.provider === d.supplier)
      expect(e && [e.received, e.completed, e.inProgress, e.overdue, e.services, e.pauses, e.disputes]).toEqual([d.received, d.completed, d.inProgress, d.overdue, d.services, d.pauses, d.disputes])
    }
    expect(await october(admin)).toEqual(m)
  })

  it('should refuse a month not yet begun, naming the field', async () => {
    const e = await failure(callApi('oversightMonth', { query: { month: '2026-12' } }, district.client))
    expect([e.code, e.fieldErrors[0]?.path]).toEqual(['VALIDATION_FAILED', 'query.month'])
  })
})

describe('oversightTrend', () => {
  it('should give 12 months to October, each indicator per enterprise, the earlier months empty', async () => {
    const t = await callApi('oversightTrend', { query: { to: '2026-10' } }, district.client)
    expect(t.months).toHaveLength(12)
    expect(t.months.at(-1)).toBe('2026-10')
    const received = t.indicators.find((i) => i.code === 'received')
    expect(received?.series.map((x) => [x.provider, x.values.slice(-2)])).toEqual([['sgcc-wanzhou', [0, 2]], ['sanxia', [0, 1]], ['wz-water', [0, 0]], ['wz-gas', [0, 0]], ['wz-telecom', [0, 0]]])
    expect(t.indicators.find((i) => i.code === 'follow-up')?.series[0].values.at(-1)).toBe(100)
  })
})

describe('what the district receives holds nothing personal', () => {
  it('should carry no ID number, mobile, name or address in the month, the trend or the CSV', async () => {
    const texts = [
      JSON.stringify(await october()),
      JSON.stringify(await callApi('oversightTrend', { query: { to: '2026-11' } }, district.client)),
      await (await rawGet(s, '/api/oversight/month.csv?month=2026-10', district.token)).text(),
    ]
    const person = s.db.prepare('SELECT name, mobile FROM ykb_identity WHERE id = ?').get(DEMO.li) as { name: string; mobile: string }
    for (const text of texts) {
      expect(unmaskedIn(text)).toEqual([])
      expect([text.includes(person.name), text.includes(person.name.slice(0, 1) + '*'), text.includes(person.mobile.slice(-4))]).toEqual([false, false, false])
    }
  })

  it('should serve the CSV with a BOM, one column per enterprise', async () => {
    const res = await rawGet(s, '/api/oversight/month.csv?month=2026-10', district.token)
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer())
    expect([res.status, res.headers.get('content-disposition')]).toEqual([200, 'attachment; filename="wanzhou-district-2026-10.csv"'])
    expect(text.startsWith('\uFEFF万州区获得电力月度监督,2026-10')).toBe(true)
    expect(text).toContain('指标,国网万州供电分公司,三峡水利,万州区供水企业（示例）,万州区燃气企业（示例）,万州区通信运营商（示例）\r\n本月受理,2,1,0,0,0\r\n')
    expect(text).toContain('差评按期回访率,100.0%,,,,\r\n')
  })
})
