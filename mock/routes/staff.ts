import type { FastifyInstance } from 'fastify'
import { endpoints } from '../../src/contract'
import type { Staff } from '../../src/contract/staff'
import { maskText } from '../../src/core/masking'
import { supplierName } from '../../src/core/services'
import { bearer, type Principal } from '../auth/sessions'
import { createRateLimiter } from '../http/rate-limit'
import { stepComplaint } from '../complaints/complaints'
import { route, type RouteOptions } from '../http/route'
import { loadCase, type ProgressDeps } from '../progress/case'
import { currentStaff, signInStaff } from '../staff/accounts'
import { logAccess, type Access } from '../staff/access-log'
import { addNote, closeFollowUp, reassignCase, recordExternalWorks, revealValue, REVEAL_FIELDS, urgeCase } from '../staff/actions'
import { maskedQuery } from '../staff/applicant'
import { calendarFor } from '../staff/case-index'
import { notesOf, staffCaseDetail } from '../staff/case-view'
import { caseInScope, requireAdmin, requireSupervisor, suppliersOf } from '../staff/scope'
import { clearLockout, currentLockouts } from '../staff/lockouts'
import { searchCases } from '../staff/search'
import type { SearchQuery } from '../staff/search-query'
import { LOGIN_LIMIT } from './auth'
import { staffReportRoutes } from './staff-reports'
import { contractPdf, pdfHeaders } from '../applications/contract-pdf'
import type { SmeReach } from '../sme-registry/view'

export interface StaffDeps extends ProgressDeps {
  uploadsDir: string
  /** whether the national 小微企业名录 can be asked (the case's 小微企业认定 says why not) */
  smeRegistry?: SmeReach
}

/** The filters of a search, for the access log (none of them is personal data). */
const filtersOf = (q: SearchQuery) => Object.entries(q)
  .filter(([key, value]) => value !== undefined && !['q', 'page', 'pageSize'].includes(key))
  .map(([key, value]) => `${key}=${String(value)}`).join(' ')

/**
 * Customer service of the two supply enterprises: sign-in, finding and reading cases (every read of personal
 * data goes to the access log), reveal, notes, urging; reports and files in staff-reports.ts.
 */
export function staffRoutes(app: FastifyInstance, deps: StaffDeps, opts: RouteOptions): void {
  const { db, now } = deps
  const limiter = createRateLimiter({ ...LOGIN_LIMIT, now })
  const staffOf = (user: Principal) => currentStaff(db, user.id)
  const log = (staff: Staff, a: Omit<Access, 'staff'>) => logAccess(db, { staff: staff.username, ...a }, now())

  route(app, endpoints.staffLogin, ({ body, req }) => {
    limiter.hit(req.ip)
    const staff = signInStaff(db, body.username, body.password, req.ip, now())
    req.log.info({ staff: staff.username, role: staff.role }, 'staff signed in')
    return { session: opts.sessions.create('staff', staff.username), staff }
  }, opts)

  route(app, endpoints.staffLogout, ({ req }) => {
    const token = bearer(req)
    if (token) opts.sessions.revoke(token)
    return { ok: true as const }
  }, opts)

  route(app, endpoints.staffMe, ({ user }) => staffOf(user), opts)

  route(app, endpoints.staffSearch, ({ query, user }) => {
    const staff = staffOf(user)
    const { kind, value, ...result } = searchCases(db, query, suppliersOf(staff, query.supplier), now(), calendarFor(db))
    const filters = filtersOf(query)
    const what = [value && maskedQuery(kind, value), filters && `筛选 ${filters}`].filter(Boolean).join('；')
    if (result.total > 0) log(staff, { action: 'search', target: kind, detail: `${what || '全部'}：${result.total}条结果` })
    return result
  }, opts)

  route(app, endpoints.staffCase, ({ params, user }) => {
    const staff = staffOf(user)
    const detail = staffCaseDetail(deps, caseInScope(db, staff, params.number))
    log(staff, { action: 'case', target: params.number, detail: '查看申请详情' })
    return detail
  }, opts)

  route(app, endpoints.staffContractPdf, ({ params, user, reply }) => {
    const staff = staffOf(user)
    const { file, fileName } = contractPdf(db, loadCase(db, caseInScope(db, staff, params.number)), { viewer: 'staff', now: now() })
    log(staff, { action: 'case', target: params.number, detail: '查看已签署的供用电合同' })
    reply.headers(pdfHeaders(fileName))
    return file
  }, opts)

  route(app, endpoints.staffReveal, ({ params, body, user }) => {
    const staff = staffOf(user)
    const value = revealValue(db, caseInScope(db, staff, params.number), body.field)
    log(staff, { action: 'reveal', target: params.number, detail: `查看完整${REVEAL_FIELDS[body.field]}；原因：${maskText(body.reason)}` })
    return { value }
  }, opts)

  route(app, endpoints.staffNote, ({ params, body, user }) => {
    const staff = staffOf(user)
    const row = caseInScope(db, staff, params.number)
    addNote(db, row.number, staff.username, body.text, now())
    return { notes: notesOf(db, row.number) }
  }, opts)

  route(app, endpoints.staffUrge, ({ params, body, user, req }) => {
    const staff = staffOf(user)
    const row = caseInScope(db, staff, params.number)
    const notice = db.transaction(() => urgeCase(deps, loadCase(db, row), staff.username, body.message))()
    req.log.info({ number: row.number, staff: staff.username, to: notice.template }, 'case urged; handling unit notified (mock: not sent)')
    const detail = staffCaseDetail(deps, row)
    log(staff, { action: 'case', target: row.number, detail: '催办后查看申请详情' })
    return detail
  }, opts)

  route(app, endpoints.staffExternalWorks, ({ params, body, user }) => {
    const staff = staffOf(user)
    const row = caseInScope(db, staff, params.number)
    db.transaction(() => recordExternalWorks(deps, loadCase(db, row), staff.username, body.needed, body.note))()
    const detail = staffCaseDetail(deps, row)
    log(staff, { action: 'case', target: row.number, detail: '记录是否需要外部线路工程后查看申请详情' })
    return detail
  }, opts)

  route(app, endpoints.staffFollowUp, ({ params, body, user }) => {
    const staff = staffOf(user)
    const row = caseInScope(db, staff, params.number)
    closeFollowUp(db, row.number, staff.username, body.note, now())
    const detail = staffCaseDetail(deps, row)
    log(staff, { action: 'case', target: row.number, detail: '差评回访完成后查看申请详情' })
    return detail
  }, opts)

  route(app, endpoints.staffAnswerComplaint, ({ params, body, user, req }) => {
    const staff = staffOf(user)
    const row = caseInScope(db, staff, params.number)
    db.transaction(() => stepComplaint(db, row.number, params.complaintId, 'answer', `staff:${staff.username}`, body.text, now()))()
    req.log.info({ number: row.number, staff: staff.username }, 'complaint answered')
    log(staff, { action: 'case', target: row.number, detail: '答复投诉后查看申请详情' })
    return staffCaseDetail(deps, row)
  }, opts)

  route(app, endpoints.staffReassign, ({ params, body, user, req }) => {
    const staff = staffOf(user)
    requireSupervisor(staff, '改派须由班长或管理员办理')
    const row = caseInScope(db, staff, params.number)
    db.transaction(() => reassignCase(deps, loadCase(db, row), staff.username, body.to, body.reason))()
    req.log.info({ number: row.number, staff: staff.username, from: row.supplier, to: body.to }, 'case reassigned')
    log(staff, { action: 'case', target: row.number, detail: `改派至${supplierName(body.to)}；原因：${maskText(body.reason)}` })
    return { number: row.number, supplier: body.to, supplierName: supplierName(body.to) }
  }, opts)

  route(app, endpoints.staffLockouts, ({ user }) => {
    requireAdmin(staffOf(user))
    return { items: currentLockouts(db, now()) }
  }, opts)

  route(app, endpoints.staffLockoutClear, ({ params, user, req }) => {
    const staff = staffOf(user)
    requireAdmin(staff)
    const cleared = clearLockout(db, params.id)
    req.log.info({ by: staff.username, account: cleared.username, address: cleared.client_ip, locks: cleared.locks }, 'staff sign-in lock cleared')
    return { items: currentLockouts(db, now()) }
  }, opts)

  staffReportRoutes(app, deps, opts, staffOf, log)
}
