// In-app complaints, tracked like a case: the applicant files one (one waiting at a time), the staff of the case's
// enterprise answer it once, the applicant sees the answer and closes it; every step is an append-only event; the
// district counts them in the month without reading them.
import { callApi } from '../../src/lib/http/client'
import type { InProcess } from './support/in-process'
import { failure } from './support/fixtures'
import { applyShop, progressSuite, type Owner } from './support/progress-fixtures'
import { setChinaTime, staffSignIn, type SignedInStaff } from './support/staff-fixtures'

const suite = progressSuite()
const { clock } = suite
let s: InProcess
let li: Owner
let gw: SignedInStaff
let sx: SignedInStaff
let district: SignedInStaff
let number = ''
let other = ''
let complaintId = ''
const at = (local: string) => setChinaTime(clock, local)
const TEXT = '已超过7个工作日，仍未安排接电，请尽快处理'

beforeAll(async () => {
  ({ s, li } = suite)
  at('2026-10-12T09:00')
  number = await applyShop(li)
  other = await applyShop(li)
  gw = await staffSignIn(s, 'gw-kefu')
  sx = await staffSignIn(s, 'sx-kefu')
  district = await staffSignIn(s, 'wz-jxw')
})

describe('在线投诉', () => {
  it('should receive a complaint with its answer due in 5 working days, and take no second one while it waits', async () => {
    at('2026-10-23T10:00') // a Friday: due the next Friday
    const d = await callApi('complain', { params: { number }, body: { text: TEXT } }, li.client)
    expect(d.complaints).toHaveLength(1)
    const c = d.complaints[0]
    complaintId = c.id
    expect([c.state, c.stateName, c.text, c.answerDue, c.answer, c.answerOverdue, d.actions.complain]).toEqual(['received', '已受理，待供电企业答复', TEXT, '2026-10-30', null, false, false])
    expect((await failure(callApi('complain', { params: { number }, body: { text: TEXT } }, li.client))).code).toBe('COMPLAINT_OPEN')
    // the applicant cannot close it before it is answered
    expect((await failure(callApi('closeComplaint', { params: { number, complaintId }, body: {} }, li.client))).code).toBe('COMPLAINT_STATE')
  })

  it('should refuse an empty or overlong complaint, naming the field', async () => {
    const e = await failure(callApi('complain', { params: { number: other }, body: { text: '  慢 ' } }, li.client))
    expect([e.code, e.fieldErrors[0]?.path]).toEqual(['VALIDATION_FAILED', 'text'])
    expect((await failure(callApi('complain', { params: { number: other }, body: { text: '慢'.repeat(501) } }, li.client))).code).toBe('VALIDATION_FAILED')
  })

  it('should let only the case\'s enterprise answer it, once; another enterprise does not find it, the district is refused', async () => {
    at('2026-10-27T15:00')
    expect((await failure(callApi('staffAnswerComplaint', { params: { number, complaintId }, body: { text: '已安排10月29日接电' } }, sx.client))).code).toBe('NOT_FOUND')
    expect((await failure(callApi('staffAnswerComplaint', { params: { number, complaintId }, body: { text: '已安排10月29日接电' } }, district.client))).code).toBe('FORBIDDEN')
    // a complaint id is only found on its own case
    expect((await failure(callApi('staffAnswerComplaint', { params: { number: other, complaintId }, body: { text: '已安排10月29日接电' } }, gw.client))).code).toBe('NOT_FOUND')
    const staffView = await callApi('staffAnswerComplaint', { params: { number, complaintId }, body: { text: '已安排10月29日接电' } }, gw.client)
    expect(staffView.application.complaints[0]).toMatchObject({ state: 'answered', answer: '已安排10月29日接电', answeredBy: '国网万州供电分公司' })
    expect((await failure(callApi('staffAnswerComplaint', { params: { number, complaintId }, body: { text: '再次答复：已经接电' } }, gw.client))).code).toBe('COMPLAINT_STATE')
  })

  it('should show the applicant the answer; the applicant closes it, once, and may complain again', async () => {
    const d = await callApi('applicationDetail', { params: { number } }, li.client)
    expect(d.complaints[0]).toMatchObject({ state: 'answered', answer: '已安排10月29日接电', answeredBy: '国网万州供电分公司', closedAt: null })
    expect(d.actions.complain).toBe(true)
    at('2026-10-28T09:00')
    const closed = await callApi('closeComplaint', { params: { number, complaintId }, body: {} }, li.client)
    expect([closed.complaints[0].state, closed.complaints[0].closedAt]).toEqual(['closed', clock.now().toISOString()])
    expect((await failure(callApi('closeComplaint', { params: { number, complaintId }, body: {} }, li.client))).code).toBe('COMPLAINT_STATE')
    // on another case of the same owner, the id names nothing
    expect((await failure(callApi('closeComplaint', { params: { number: other, complaintId }, body: {} }, li.client))).code).toBe('NOT_FOUND')
  })

  it('should keep every step in an append-only log', () => {
    const steps = s.db.prepare('SELECT type FROM complaint_event WHERE complaint_id = ? ORDER BY id').pluck().all(complaintId)
    expect(steps).toEqual(['received', 'answered', 'closed'])
    expect(() => s.db.prepare("UPDATE complaint_event SET text = '改' WHERE complaint_id = ?").run(complaintId)).toThrow(/append-only/)
    expect(() => s.db.prepare('DELETE FROM complaint_event').run()).toThrow(/append-only/)
    // and each step once: a second answer cannot be slipped in beside the first
    expect(() => s.db.prepare(`INSERT INTO complaint_event (complaint_id, application_number, type, actor, text, at)
      VALUES (?, ?, 'answered', 'staff:gw-kefu', '又一条', ?)`).run(complaintId, number, clock.now().toISOString())).toThrow(/UNIQUE/)
  })

  it('should count it in the district\'s month (received, answered within the limit) without its words', async () => {
    // a second complaint on the other case, never answered: past its due day by November
    at('2026-10-29T10:00')
    await callApi('complain', { params: { number: other }, body: { text: '申请后一直没有人联系我' } }, li.client)
    at('2026-11-20T10:00')
    const m = await callApi('oversightMonth', { query: { month: '2026-10' } }, district.client)
    const gwMonth = m.enterprises.find((e) => e.provider === 'sgcc-wanzhou')
    expect(gwMonth?.complaints).toEqual({ received: 2, answersDue: 2, answeredInTime: 1, answeredInTimeShare: 0.5 })
    expect(JSON.stringify(m)).not.toContain('接电')
    expect(m.enterprises.find((e) => e.provider === 'sanxia')?.complaints.received).toBe(0)
    // and the applicant sees that the answer is overdue
    const d = await callApi('applicationDetail', { params: { number: other } }, li.client)
    expect([d.complaints[0].state, d.complaints[0].answerOverdue]).toEqual(['received', true])
  })
})
