import fs from 'node:fs'
import type { FastifyInstance } from 'fastify'
import { endpoints } from '../../src/contract'
import type { Staff } from '../../src/contract/staff'
import type { Principal } from '../auth/sessions'
import { route, type RouteOptions } from '../http/route'
import { accessLog, type Access } from '../staff/access-log'
import { caseUpload } from '../staff/case-files'
import { calendarFor } from '../staff/case-index'
import { monthDashboard, monthRows } from '../staff/report'
import { reportCsv, reportFileName } from '../staff/report-csv'
import { reportScope, requireAdmin, suppliersOf } from '../staff/scope'
import type { StaffDeps } from './staff'

const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf' }

/** Monthly figures and CSV (supervisors, admin), the applicants' files (in scope), the access log (admin). */
export function staffReportRoutes(
  app: FastifyInstance, deps: StaffDeps, opts: RouteOptions,
  staffOf: (user: Principal) => Staff, log: (staff: Staff, a: Omit<Access, 'staff'>) => void,
): void {
  const { db, now } = deps

  route(app, endpoints.staffDashboard, ({ query, user }) =>
    monthDashboard(db, reportScope(staffOf(user), query.supplier), query.month, now()), opts)

  route(app, endpoints.staffReportCsv, ({ query, user, reply }) => {
    const staff = staffOf(user)
    const scope = reportScope(staff, query.supplier)
    const dashboard = monthDashboard(db, scope, query.month, now())
    const rows = monthRows(db, scope, query.month, now())
    const name = reportFileName(dashboard)
    log(staff, { action: 'export', target: name, detail: `导出月度报告：${rows.length}件申请（个人信息已脱敏）` })
    reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'no-store')
    return reportCsv(dashboard, rows, now(), calendarFor(db))
  }, opts)

  route(app, endpoints.staffUpload, ({ params, user, reply }) => {
    const staff = staffOf(user)
    const upload = caseUpload(db, deps.uploadsDir, params.uploadId, suppliersOf(staff))
    log(staff, { action: 'upload', target: upload.uploadId, detail: `查看申请${upload.number}的上传文件` })
    // whatever the bytes turn out to be, nothing in them runs: a sandbox with no scripts, no plug-ins, no forms;
    // a PDF is saved and opened by the PDF reader, not by the browser on this origin
    reply.header('content-type', upload.mime).header('cache-control', 'no-store').header('content-security-policy', 'sandbox; default-src \'none\'; img-src \'self\'; style-src \'unsafe-inline\'')
      .header('content-disposition', `${upload.mime === 'application/pdf' ? 'attachment' : 'inline'}; filename="${upload.uploadId}.${EXTENSIONS[upload.mime] ?? 'bin'}"`)
    return fs.createReadStream(upload.file)
  }, opts)

  route(app, endpoints.staffAccessLog, ({ query, user }) => {
    requireAdmin(staffOf(user))
    return accessLog(db, query.page)
  }, opts)
}
