import type { FastifyInstance } from 'fastify'
import { endpoints } from '../../src/contract'
import { route, type RouteOptions } from '../http/route'
import { currentStaff } from '../staff/accounts'
import { requireRule } from '../staff/scope'
import { districtCsv, districtCsvName } from '../oversight/csv'
import { checkedDistrictMonth, districtTrend } from '../oversight/figures'
import { publicTimesCache } from '../oversight/public-cache'
import { ownReport, reportStatus, submitReport } from '../oversight/reports'
import { refuseFutureMonth } from '../staff/report'
import type { StaffDeps } from './staff'

/**
 * The district's oversight (区经信委, and the admin): aggregates of every enterprise, never a case's personal data;
 * and the public transparency page's figures, computed from the same months.
 */
export function oversightRoutes(app: FastifyInstance, deps: StaffDeps, opts: RouteOptions): void {
  const { db, now } = deps
  const overseer = (id: string) => {
    const staff = currentStaff(db, id)
    requireRule(staff, 'oversight')
    return staff
  }

  route(app, endpoints.oversightMonth, ({ query, user }) => {
    overseer(user.id)
    return checkedDistrictMonth(db, query.month, now())
  }, opts)

  route(app, endpoints.oversightTrend, ({ query, user }) => {
    overseer(user.id)
    return districtTrend(db, query.to, now())
  }, opts)

  // anyone, signed in or not: aggregates with small cells suppressed, the same for everyone for the day
  const publicFigures = publicTimesCache(db, now)
  route(app, endpoints.publicTimes, ({ reply }) => {
    reply.header('cache-control', 'public, max-age=3600')
    return publicFigures()
  }, opts)

  route(app, endpoints.staffSubmitReport, ({ body, user, req }) => {
    const staff = currentStaff(db, user.id)
    requireRule(staff, 'submitsReport')
    const report = submitReport(db, staff, body.month, now())
    req.log.info({ staff: staff.username, month: body.month, digest: report.digest }, 'monthly report submitted')
    return report
  }, opts)

  route(app, endpoints.staffOwnReport, ({ query, user }) => {
    const staff = currentStaff(db, user.id)
    requireRule(staff, 'submitsReport')
    refuseFutureMonth(query.month, now())
    return ownReport(db, staff, query.month, now(), deps.calendarOverrideFile)
  }, opts)

  route(app, endpoints.oversightReports, ({ query, user }) => {
    overseer(user.id)
    refuseFutureMonth(query.month, now())
    return reportStatus(db, query.month, now(), deps.calendarOverrideFile)
  }, opts)

  route(app, endpoints.oversightCsv, ({ query, user, reply }) => {
    overseer(user.id)
    const month = checkedDistrictMonth(db, query.month, now())
    reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${districtCsvName(query.month)}"`).header('cache-control', 'no-store')
    return districtCsv(month)
  }, opts)
}
