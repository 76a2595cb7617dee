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
import { rememberPerson, storeGrant } from '../auth/ykb-grants'
import { viaYkb } from '../ykb-gateway/errors'
import type { YkbGateway } from '../ykb-gateway/port'
import { sha256Hex } from '../applications/canonical'

export interface AuthDeps {
  db: Db
  now: () => Date
  ykb: YkbGateway
}

/** At sign-in there is no photo to fall back to: try again, or come in through WeChat. */
const SIGN_IN_UNAVAILABLE = '渝快办暂时无法访问，请稍后重试，或先使用微信登录'

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

/** A WeChat login code works once: a code seen before (a copy, a replay) is refused. */
function spendWechatCode(db: Db, code: string, at: Date): void {
  const spent = db.prepare('INSERT INTO wechat_code (code_hash, used_at) VALUES (?, ?) ON CONFLICT DO NOTHING').run(sha256Hex(`wx-code:${code}`), at.toISOString())
  if (spent.changes === 0) throw new AppError('LOGIN_CODE_INVALID')
}

export function authRoutes(app: FastifyInstance, deps: AuthDeps, opts: RouteOptions): void {
  const limiter = createRateLimiter({ ...LOGIN_LIMIT, now: deps.now })
  const signIn = (userId: string) => ({ session: opts.sessions.create('applicant', userId), me: meOf(deps.db, userId) })

  // Mock of WeChat's jscode2session: an openid derived from the code, which (as WeChat's) is exchanged once.
  route(app, endpoints.loginWechat, ({ body, req }) => {
    limiter.hit(req.ip)
    if (!WX_CODE.test(body.code)) throw new AppError('LOGIN_CODE_INVALID')
    const userId = deps.db.transaction(() => {
      spendWechatCode(deps.db, body.code, deps.now())
      return userForOpenid(deps.db, `wx-${sha256Hex(body.code).slice(0, 16)}`, deps.now())
    })()
    return signIn(userId)
  }, opts)

  // 渝快办's code → its grant → the person it vouches for (two gateway calls), then one transaction of ours
  route(app, endpoints.loginYkb, async ({ body, req }) => {
    limiter.hit(req.ip)
    const grant = await viaYkb(() => deps.ykb.exchangeCode(body.code), { CODE_INVALID: () => new AppError('LOGIN_CODE_INVALID') }, SIGN_IN_UNAVAILABLE)
    const person = await viaYkb(() => deps.ykb.person(grant.accessToken), {}, SIGN_IN_UNAVAILABLE)
    const now = deps.now()
    const userId = deps.db.transaction(() => {
      rememberPerson(deps.db, person, now)
      const id = userForIdentity(deps.db, person.userId, signedInApplicant(req, opts.sessions), now)
      storeGrant(deps.db, id, grant, now)
      return id
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
