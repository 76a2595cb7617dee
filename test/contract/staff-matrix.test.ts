// Who may call which staff endpoint: every role and enterprise against a case of 国网万州供电分公司. The district
// (wz-jxw, 区经信委) reads the oversight aggregates and nothing of a case: it cannot find, read or act on one.
import crypto from 'node:crypto'
import { ROUTES, type RouteId } from '../../src/contract/routes'
import type { InProcess } from './support/in-process'
import { applicant } from './support/licence-fixtures'
import { BUSINESS, leadBody } from './support/lead-fixtures'
import { progressSuite, type Owner } from './support/progress-fixtures'
import { applyShopWithPhoto, rawGet, staffSignIn } from './support/staff-fixtures'

const suite = progressSuite()
let s: InProcess
let li: Owner
let number: string
let uploadId: string
/** a second 国网 case, for 改派 (which moves it) */
let movable: string
const tokens: Record<string, string | undefined> = {}

beforeAll(async () => {
  ({ s, li } = suite)
  ;({ number, uploadId } = await applyShopWithPhoto(s, li))
  ;({ number: movable } = await applyShopWithPhoto(s, li))
  for (const who of ['gw-kefu', 'sx-kefu', 'gw-banzhang', 'wz-admin', 'wz-jxw'] as const) tokens[who] = (await staffSignIn(s, who)).token
  tokens.applicant = applicant(s).headers.authorization.slice('Bearer '.length)
  tokens.anonymous = undefined
})

interface Input {
  params?: Record<string, string>
  query?: Record<string, string>
  body?: unknown
}

/** 'ok' (with the total for a search) or the error code, for one call as `who`. */
async function outcome(id: RouteId, who: string, input: Input = {}): Promise<string> {
  const route = ROUTES[id]
  const path = route.path.replace(/:(\w+)/g, (_m, name: string) => input.params?.[name] ?? '')
  const query = input.query ? `?${new URLSearchParams(input.query)}` : ''
  if (route.method === 'GET' && !input.body) {
    const res = await rawGet(s, path + query, tokens[who])
    if (res.status !== 200) return ((await res.json()) as { code: string }).code
    if (id === 'staffSearch') return `ok ${((await res.json()) as { data: { total: number } }).data.total}`
    return 'ok'
  }
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(tokens[who] ? { authorization: `Bearer ${tokens[who]}` } : {}) }
  const res = await fetch(`${s.url}${path}${query}`, { method: route.method, headers, body: JSON.stringify(input.body ?? {}) })
  return res.status === 200 ? 'ok' : ((await res.json()) as { code: string }).code
}

/** A fresh sign-in lock of gw-kefu for some address. */
const lockedPair = () => String(s.db.prepare(`INSERT INTO staff_lockout (username, client_ip, failures, locks, locked_until, last_failure_at)
  VALUES ('gw-kefu', ?, 0, 1, '2099-01-01T00:00:00.000Z', ?)`).run(`198.51.100.${lockouts++}`, new Date().toISOString()).lastInsertRowid)
let lockouts = 1

/** A fresh in-app complaint on the 国网 case, waiting for its answer. */
const freshComplaint = () => {
  const id = `c_${crypto.randomUUID()}`
  s.db.prepare(`INSERT INTO complaint_event (complaint_id, application_number, type, actor, text, answer_due, at)
    VALUES (?, ?, 'received', 'applicant:matrix', '超过时限仍未接电', '2099-01-01', ?)`).run(id, number, new Date().toISOString())
  return id
}

const WHO = ['gw-kefu', 'sx-kefu', 'gw-banzhang', 'wz-admin', 'wz-jxw', 'applicant', 'anonymous'] as const
const REFUSED = { applicant: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' } as const
const month = '2026-11'
const CASES: [string, RouteId, () => Input, string[]][] = [
  ['staffMe', 'staffMe', () => ({}), ['ok', 'ok', 'ok', 'ok', 'ok']],
  ['staffSearch by number', 'staffSearch', () => ({ query: { q: number } }), ['ok 1', 'ok 0', 'ok 1', 'ok 1', 'FORBIDDEN']],
  ['staffSearch narrowed to the other enterprise', 'staffSearch', () => ({ query: { supplier: 'sanxia' } }), ['FORBIDDEN', 'ok 0', 'FORBIDDEN', 'ok 0', 'FORBIDDEN']],
  ['staffCase', 'staffCase', () => ({ params: { number } }), ['ok', 'NOT_FOUND', 'ok', 'ok', 'FORBIDDEN']],
  ['staffReveal', 'staffReveal', () => ({ params: { number }, body: { field: 'mobile', reason: '电话联系申请人' } }), ['ok', 'NOT_FOUND', 'ok', 'ok', 'FORBIDDEN']],
  ['staffNote', 'staffNote', () => ({ params: { number }, body: { text: '已电话联系' } }), ['ok', 'NOT_FOUND', 'ok', 'ok', 'FORBIDDEN']],
  ['staffUrge', 'staffUrge', () => ({ params: { number }, body: { message: '请尽快安排' } }), ['ok', 'NOT_FOUND', 'ok', 'ok', 'FORBIDDEN']],
  ['staffExternalWorks', 'staffExternalWorks', () => ({ params: { number }, body: { needed: true, note: '需新建线路' } }), ['ok', 'NOT_FOUND', 'ok', 'ok', 'FORBIDDEN']],
  // every role that handles the enterprise's cases answers its complaints; the other enterprise does not find it
  ['staffAnswerComplaint', 'staffAnswerComplaint', () => ({ params: { number, complaintId: freshComplaint() }, body: { text: '已安排明天上午接电' } }), ['ok', 'NOT_FOUND', 'ok', 'ok', 'FORBIDDEN']],
  ['staffFollowUp of a case without a 差评', 'staffFollowUp', () => ({ params: { number }, body: { note: '已电话回访' } }), ['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'FORBIDDEN']],
  // the 班长 moves it to 三峡水利; the admin's same request then finds it there already
  ['staffReassign', 'staffReassign', () => ({ params: { number: movable }, body: { to: 'sanxia', reason: '地址属三峡水利供区' } }), ['FORBIDDEN', 'FORBIDDEN', 'ok', 'ACTION_NOT_ALLOWED', 'FORBIDDEN']],
  ['staffUpload', 'staffUpload', () => ({ params: { uploadId } }), ['ok', 'NOT_FOUND', 'ok', 'ok', 'FORBIDDEN']],
  ['staffDashboard', 'staffDashboard', () => ({ query: { month } }), ['FORBIDDEN', 'FORBIDDEN', 'ok', 'ok', 'FORBIDDEN']],
  ['staffDashboard for the other enterprise', 'staffDashboard', () => ({ query: { month, supplier: 'sanxia' } }), ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN']],
  ['staffReportCsv', 'staffReportCsv', () => ({ query: { month } }), ['FORBIDDEN', 'FORBIDDEN', 'ok', 'ok', 'FORBIDDEN']],
  ['staffReportCsv for the other enterprise', 'staffReportCsv', () => ({ query: { month, supplier: 'sanxia' } }), ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN']],
  ['staffAccessLog', 'staffAccessLog', () => ({}), ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN']],
  ['staffLockouts', 'staffLockouts', () => ({}), ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN']],
  // the admin clears it; the other roles are refused first (the pair is new for each call, so the admin's clear is never NOT_FOUND)
  ['staffLockoutClear', 'staffLockoutClear', () => ({ params: { id: lockedPair() } }), ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN']],
  ['oversightMonth', 'oversightMonth', () => ({ query: { month } }), ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'ok']],
  ['oversightTrend', 'oversightTrend', () => ({ query: { to: month } }), ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'ok']],
  ['oversightCsv', 'oversightCsv', () => ({ query: { month } }), ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'ok']],
  ['oversightReports', 'oversightReports', () => ({ query: { month } }), ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'ok']],
  // only a 班长 submits (its own enterprise's month, once)
  ['staffSubmitReport', 'staffSubmitReport', () => ({ body: { month: '2026-10' } }), ['FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN', 'FORBIDDEN']],
  // 主动服务: customer service and 班长 of the enterprise whose area it is; 三峡水利's is told the address is not in its
  // area, the second registration of the same business meets the waiting invitation; the admin and the district none
  ['staffLeadRegister', 'staffLeadRegister', () => ({ body: leadBody(BUSINESS.li) }), ['ok', 'VALIDATION_FAILED', 'LEAD_EXISTS', 'FORBIDDEN', 'FORBIDDEN']],
  ['staffLeads', 'staffLeads', () => ({}), ['ok', 'ok', 'ok', 'FORBIDDEN', 'FORBIDDEN']],
  // a 班长 reads its own enterprise's month and report; no one else has one
  ['staffOwnReport', 'staffOwnReport', () => ({ query: { month: '2026-10' } }), ['FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN', 'FORBIDDEN']],
  ['staffLogout', 'staffLogout', () => ({}), ['ok', 'ok', 'ok', 'ok', 'ok']],
]

describe('staff endpoints: role × enterprise authorisation', () => {
  it.each(CASES)('should answer %s as expected when called by each role', async (_name, id, input, staffAnswers) => {
    const got: Record<string, string> = {}
    for (const who of WHO) got[who] = await outcome(id, who, input())
    expect(got).toEqual({
      'gw-kefu': staffAnswers[0], 'sx-kefu': staffAnswers[1], 'gw-banzhang': staffAnswers[2], 'wz-admin': staffAnswers[3], 'wz-jxw': staffAnswers[4], ...REFUSED,
    })
  })
})
