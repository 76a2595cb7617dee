import type { FastifyInstance } from 'fastify'
import { endpoints } from '../../src/contract'
import { route, type RouteOptions } from '../http/route'
import { currentStaff } from '../staff/accounts'
import { requireRule } from '../staff/scope'
import { districtCsv, districtCsvName } from '../oversight/csv'
import { checkedDistrictMonth, districtTrend } from '../oversight/figures'
import type { StaffDeps } from './staff'

/** The district's oversight (区经信委, and the admin): aggregates of every enterprise, never a case's personal data. */
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

  route(app, endpoints.oversightCsv, ({ query, user, reply }) => {
    overseer(user.id)
    const month = checkedDistrictMonth(db, query.month, now())
    reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${districtCsvName(query.month)}"`).header('cache-control', 'no-store')
    return districtCsv(month)
  }, opts)
}
