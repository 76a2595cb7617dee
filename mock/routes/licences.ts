import type { FastifyInstance } from 'fastify'
import { endpoints } from '../../src/contract'
import { requireConsent } from '../auth/users'
import { route, type RouteOptions } from '../http/route'
import { fetchAuthorised } from '../licences/authorised'
import type { LicenceDeps } from '../licences/deps'
import { beginScan, txnStatus } from '../licences/scan'

/** E-licences: 授权调取 of the applicant's own licences, and 亮证 / paper-certificate QR scans. */
export function licenceRoutes(app: FastifyInstance, deps: LicenceDeps, opts: RouteOptions): void {
  route(app, endpoints.licencesAuthorised, ({ user, body }) => fetchAuthorised(deps, user.id, body.kinds, body.useCause), opts)

  // Consent, not identity: an applicant may scan another holder's code (e.g. the property owner's).
  route(app, endpoints.scanBegin, ({ user, body }) => {
    requireConsent(deps.db, user.id)
    return beginScan(deps, user.id, body.qr, body.expect)
  }, opts)

  route(app, endpoints.scanStatus, ({ user, params }) => txnStatus(deps, params.txnId, user.id), opts)
}
