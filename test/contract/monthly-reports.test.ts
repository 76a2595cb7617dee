// 按月报送: a 班长 submits the month once it has ended; it is frozen with its digest; the district sees which are
// in, late or missing, and any figure the event log no longer gives.
import { callApi } from '../../src/lib/http/client'
import type { InProcess } from './support/in-process'
import { failure } from './support/fixtures'
import { applyShop, progressSuite, type Owner } from './support/progress-fixtures'
import { pushAt, setChinaTime, staffSignIn, type SignedInStaff } from './support/staff-fixtures'

const suite = progressSuite()
const { clock } = suite
let s: InProcess
let li: Owner
let gw: SignedInStaff
let sx: SignedInStaff
let district: SignedInStaff
let number = ''
const at = (local: string) => setChinaTime(clock, local)
const status = () => callApi('oversightReports', { query: { month: '2026-10' } }, district.client)

beforeAll(async () => {
  ({ s, li } = suite)
  // 国网万州: one shop, Oct 12 → 22
  at('2026-10-12T09:00'); number = await applyShop(li)
  await pushAt(s, clock, '2026-10-13T09:00', 'sgcc-wanzhou', [number, 'stage-finish', 'accept-sign'], [number, 'stage-start', 'build-connect'])
  await pushAt(s, clock, '2026-10-22T16:00', 'sgcc-wanzhou', [number, 'stage-finish', 'build-connect'], [number, 'complete'])
  gw = await staffSignIn(s, 'gw-banzhang')
  sx = await staffSignIn(s, 'sx-banzhang')
  district = await staffSignIn(s, 'wz-jxw')
})

describe('按月报送', () => {
  it('should refuse a month that has not ended, naming the field', async () => {
    at('2026-10-30T10:00')
    const e = await failure(callApi('staffSubmitReport', { body: { month: '2026-10' } }, gw.client))
    expect([e.code, e.fieldErrors[0]?.path]).toEqual(['VALIDATION_FAILED', 'body.month'])
  })

  it('should show the 班长 the ended month as it stands before submitting it, and nothing frozen yet', async () => {
    at('2026-11-02T10:00')
    const own = await callApi('staffOwnReport', { query: { month: '2026-10' } }, gw.client)
    expect([own.provider, own.ended, own.dueBy, own.submitted]).toEqual(['sgcc-wanzhou', true, '2026-11-06', null])
    expect(own.current.enterprises.map((e) => [e.provider, e.received, e.completed])).toEqual([['sgcc-wanzhou', 1, 1]])
  })

  it('should freeze the submitted month with its digest: no second submission, no change in the table', async () => {
    at('2026-11-03T10:00')
    const r = await callApi('staffSubmitReport', { body: { month: '2026-10' } }, gw.client)
    expect([r.provider, r.month, r.submittedBy, r.figures.received, r.figures.completed]).toEqual(['sgcc-wanzhou', '2026-10', 'gw-banzhang', 1, 1])
    expect(r.digest).toMatch(/^[0-9a-f]{64}$/)
    expect((await failure(callApi('staffSubmitReport', { body: { month: '2026-10' } }, gw.client))).code).toBe('REPORT_FROZEN')
    expect(() => s.db.prepare("UPDATE monthly_report SET figures_json = '{}' WHERE supplier = 'sgcc-wanzhou'").run()).toThrow(/frozen/)
    expect(() => s.db.prepare('DELETE FROM monthly_report').run()).toThrow(/frozen/)
    // the 班长 sees the frozen report: the same figures and digest, on time
    const own = await callApi('staffOwnReport', { query: { month: '2026-10' } }, gw.client)
    expect([own.submitted?.digest, own.submitted?.status, own.submitted?.figures]).toEqual([r.digest, 'in', r.figures])
  })

  it('should show the district which reports are in, not yet due, missing and late (due by the 5th working day, 11-06)', async () => {
    at('2026-11-03T11:00')
    let st = await status()
    expect(st.dueBy).toBe('2026-11-06')
    expect(st.reports.map((x) => [x.provider, x.status, x.digestValid, x.differences])).toEqual([
      ['sgcc-wanzhou', 'in', true, []], ['sanxia', 'not-due', null, []],
    ])
    at('2026-11-09T09:00')
    expect((await status()).reports[1].status).toBe('missing')
    await callApi('staffSubmitReport', { body: { month: '2026-10' } }, sx.client)
    st = await status()
    expect(st.reports.map((x) => [x.provider, x.status])).toEqual([['sgcc-wanzhou', 'in'], ['sanxia', 'late']])
  })

  it('should flag every figure the record no longer gives once it changes after the report', async () => {
    // the case's stored figures change after the report (as a correction recorded later would change them)
    s.db.prepare('UPDATE application_search SET used_days = used_days + 4 WHERE number = ?').run(number)
    const gwReport = (await status()).reports[0]
    expect(gwReport.digestValid).toBe(true)
    expect(gwReport.differences.map((d) => d.field)).toEqual(expect.arrayContaining(['services.1.mean', 'services.1.median']))
    const mean = gwReport.differences.find((d) => d.field === 'services.1.mean')
    expect(Number(mean?.recomputed) - Number(mean?.reported)).toBe(4)
  })

  it('should let only a 班长 submit, and only the district and the admin read the status', async () => {
    const agent = await staffSignIn(s, 'gw-kefu')
    expect((await failure(callApi('staffSubmitReport', { body: { month: '2026-09' } }, agent.client))).code).toBe('FORBIDDEN')
    expect((await failure(callApi('staffSubmitReport', { body: { month: '2026-09' } }, district.client))).code).toBe('FORBIDDEN')
    expect((await failure(callApi('oversightReports', { query: { month: '2026-10' } }, gw.client))).code).toBe('FORBIDDEN')
  })
})
