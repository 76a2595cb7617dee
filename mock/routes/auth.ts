import type { FastifyInstance, FastifyRequest } from 'fastify'
import { endpoints } from '../../src/contract'
import { CONSENT_VERSION } from '../../src/contract/auth'
import type { Db } from '../db/open'
import { route, type RouteOptions } from '../http/route'
import { AppError } from '../http/app-error'
import { createRateLimiter } from '../http/rate-limit'
import { bearer, type Sessions } from '../auth/sessions'
import { meOf } from '../auth/me'
import { setConsent, userForIdentity, userForOpenid } from '../auth/accounts'
import { consumeCode } from '../ykb/oauth-code'
import { sha256Hex } from '../applications/canonical'

export interface AuthDeps {
  db: Db
  now: () => Date
}

/** Sign-in attempts allowed per client IP and minute, over both login endpoints. */
export const LOGIN_LIMIT = { limit: 20, windowMs: 60_000 }

/** A WeChat login code as jscode2session would accept it (it refuses anything else). */
const WX_CODE = /^[A-Za-z0-9_.-]+$/

/** The applicant behind the request's bearer token, when it carries a valid one; never a refusal. */
function signedInApplicant(req: FastifyRequest, sessions: Sessions): string | undefined {
  try {
    return sessions.resolve(bearer(req), 'applicant').id
  } catch (err) {
    if (err instanceof AppError) return undefined
    throw err
  }
}

export function authRoutes(app: FastifyInstance, deps: AuthDeps, opts: RouteOptions): void {
  const limiter = createRateLimiter({ ...LOGIN_LIMIT, now: deps.now })
  const signIn = (userId: string) => ({ session: opts.sessions.create('applicant', userId), me: meOf(deps.db, userId) })

  // Mock of WeChat's jscode2session: a stable openid derived from the code.
  route(app, endpoints.loginWechat, ({ body, req }) => {
    limiter.hit(req.ip)
    if (!WX_CODE.test(body.code)) throw new AppError('LOGIN_CODE_INVALID')
    return signIn(userForOpenid(deps.db, `wx-${sha256Hex(body.code).slice(0, 16)}`, deps.now()))
  }, opts)

  route(app, endpoints.loginYkb, ({ body, req }) => {
    limiter.hit(req.ip)
    const userId = deps.db.transaction(() => {
      const { identityId } = consumeCode(deps.db, body.code, deps.now())
      return userForIdentity(deps.db, identityId, signedInApplicant(req, opts.sessions), deps.now())
    })()
    return signIn(userId)
  }, opts)

  route(app, endpoints.refresh, ({ body }) => opts.sessions.refresh(body.refreshToken), opts)

  route(app, endpoints.logout, ({ req }) => {
    const token = bearer(req)
    if (token) opts.sessions.revoke(token)
    return { ok: true as const }
  }, opts)

  route(app, endpoints.me, ({ user }) => meOf(deps.db, user.id), opts)

  route(app, endpoints.consent, ({ body, user }) => {
    setConsent(deps.db, user.id, body.granted ? CONSENT_VERSION : null, deps.now())
    return meOf(deps.db, user.id)
  }, opts)
}
