import type { FastifyInstance, FastifyRequest } from 'fastify'
import { endpoints } from '../../src/contract'
import { AppError } from '../http/app-error'
import { createRateLimiter } from '../http/rate-limit'
import { route, type RouteOptions } from '../http/route'
import { findApplication, jointApplications, loadCase, type ProgressDeps } from '../progress/case'
import { JOINT_NUMBER } from '../joint/number'
import type { Db } from '../db/open'
import { readSnapshot } from '../db/snapshot'
import { caseVersion, versionedDetail } from '../progress/version'
import { CODE_ANSWER, issueCode, useCode } from '../lookup/codes'
import { issueLookupToken, lookupTokenAllows, LOOKUP_TOKEN_HEADER } from '../lookup/tokens'

const HOUR = 3600_000

/** The case a lookup number names: itself, or for a 一件事 number its first (electricity) case; unknown stays as typed. */
function caseNumberFor(db: Db, number: string): string {
  if (!JOINT_NUMBER.test(number)) return number
  return jointApplications(db, number)[0]?.number ?? number
}

/** Looking up an application without signing in: number + mobile, confirmed by an SMS code. */
export function lookupRoutes(app: FastifyInstance, deps: ProgressDeps, opts: RouteOptions): void {
  const { db, now } = deps
  const codesPerNumber = createRateLimiter({ limit: 5, windowMs: HOUR, now })
  const codesPerIp = createRateLimiter({ limit: 20, windowMs: HOUR, now })
  const lookupsPerIp = createRateLimiter({ limit: 10, windowMs: 10 * 60_000, now })
  const maskedDetail = (number: string) => readSnapshot(db, () => {
    const row = findApplication(db, number)
    if (!row) throw new AppError('LOOKUP_FAILED')
    return versionedDetail(deps, loadCase(db, row), { masked: true })
  })

  route(app, endpoints.lookupCode, ({ body, req }) => {
    codesPerIp.hit(req.ip)
    const number = caseNumberFor(db, body.number)
    codesPerNumber.hit(number)
    const sent = issueCode(db, number, body.mobile, now())
    // never the code itself: whoever reads the log must not be able to look the application up
    if (sent) req.log.info({ number: sent.number, to: sent.mobileMasked }, 'lookup code sent')
    return CODE_ANSWER
  }, opts)

  route(app, endpoints.lookup, ({ body, req }) => {
    lookupsPerIp.hit(req.ip)
    const number = caseNumberFor(db, body.number)
    const ok = db.transaction(() => useCode(db, number, body.mobile, body.code, now()))()
    if (!ok) throw new AppError('LOOKUP_FAILED')
    return { ...issueLookupToken(db, number, now()), detail: maskedDetail(number) }
  }, opts)

  /** The lookup token in the request allows this case, or LOOKUP_FAILED. */
  const requireToken = (req: FastifyRequest, number: string) => {
    const token = req.headers[LOOKUP_TOKEN_HEADER]
    if (typeof token !== 'string' || !lookupTokenAllows(db, token, number, now())) throw new AppError('LOOKUP_FAILED')
  }
  route(app, endpoints.lookupRefresh, ({ params, req }) => {
    requireToken(req, params.number)
    return maskedDetail(params.number)
  }, opts)
  route(app, endpoints.lookupVersion, ({ params, req }) => {
    requireToken(req, params.number)
    const row = findApplication(db, params.number)
    if (!row) throw new AppError('LOOKUP_FAILED')
    return { version: caseVersion(deps, row) }
  }, opts)

}
