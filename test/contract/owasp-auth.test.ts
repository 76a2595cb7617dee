// OWASP API2 (broken authentication): every route that needs a session, called with no token, forged tokens,
// a stored token hash, tokens revoked by logout, lapsed tokens and the other kind's tokens.
import crypto from 'node:crypto'
import { endpoints } from '../../src/contract'
import type { RouteId } from '../../src/contract/routes'
import { callApi } from '../../src/lib/http/client'
import { startInProcess, type InProcess } from './support/in-process'
import { clientFor, failure, makeClock, signInWechat } from './support/fixtures'
import { staffSignIn } from './support/staff-fixtures'
import { callRoute } from './support/actors'
import { STAFF_DAY_SECONDS } from '../../mock/auth/sessions'

const TTL = { accessSeconds: 3600, refreshSeconds: 7200 }
const clock = makeClock('2026-11-26T02:00:00Z')
let s: InProcess
const tokens: Record<string, string> = {}
const refreshTokens: Record<string, string> = {}
const sha256 = (t: string) => crypto.createHash('sha256').update(t).digest('hex')
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url')

beforeAll(async () => {
  s = await startInProcess({ now: clock.now, sessionTtl: TTL })
  // lapsed: signed in an hour and a second before the others
  tokens.expiredApplicant = (await signInWechat(s, 'wx-owasp-expired')).session.token
  tokens.expiredStaff = (await staffSignIn(s, 'gw-kefu')).token
  clock.advance(TTL.accessSeconds * 1000 + 1000)
  const applicant = await signInWechat(s, 'wx-owasp-live')
  tokens.liveApplicant = applicant.session.token
  refreshTokens.liveApplicant = applicant.session.refreshToken
  tokens.liveStaff = (await staffSignIn(s, 'wz-admin')).token
  const leaving = await signInWechat(s, 'wx-owasp-leaving')
  await callApi('logout', { body: {} as never }, leaving.client)
  tokens.revokedApplicant = leaving.session.token
  refreshTokens.revokedApplicant = leaving.session.refreshToken
  const staffLeaving = await staffSignIn(s, 'sx-kefu')
  await callApi('staffLogout', { body: {} as never }, staffLeaving.client)
  tokens.revokedStaff = staffLeaving.token
  const live = tokens.liveApplicant
  tokens.tampered = live.slice(0, -1) + (live.endsWith('A') ? 'B' : 'A')
  tokens.random = crypto.randomBytes(32).toString('base64url')
  tokens.staffLooking = 'staff:wz-admin'
  tokens.unsignedJwt = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'wz-admin', kind: 'staff', role: 'admin' })}.`
  tokens.storedHash = sha256(tokens.liveStaff)
})
afterAll(async () => { await s.close() })

/** Every route that needs a session, by the kind of session it needs. */
const needing = (kind: 'applicant' | 'staff') =>
  (Object.entries(endpoints) as [RouteId, { auth: string }][]).filter(([, e]) => e.auth === kind).map(([id]) => id)

const REFUSED_ALIKE = ['none', 'random', 'tampered', 'staffLooking', 'unsignedJwt', 'storedHash', 'revokedApplicant', 'revokedStaff']
const expected = (kind: 'applicant' | 'staff'): Record<string, string> => ({
  ...Object.fromEntries(REFUSED_ALIKE.map((t) => [t, 'UNAUTHENTICATED'])),
  expiredApplicant: kind === 'applicant' ? 'SESSION_EXPIRED' : 'FORBIDDEN',
  expiredStaff: kind === 'staff' ? 'SESSION_EXPIRED' : 'FORBIDDEN',
  [kind === 'applicant' ? 'liveStaff' : 'liveApplicant']: 'FORBIDDEN',
})

/** Path parameters are read after the session, so any well-formed value will do. */
const PARAMS = { number: 'WZ20200101000001', txnId: 'txn_x', uploadId: 'up_x' }

describe.each(['applicant', 'staff'] as const)('OWASP API2: %s routes', (kind) => {
  it.each(needing(kind))('should refuse %s with the documented code for every forged, revoked, lapsed or other-kind token', async (id) => {
    const got: Record<string, string> = {}
    const bodies = new Set<string>()
    for (const t of Object.keys(expected(kind))) {
      const answer = await callRoute(s, id, { params: PARAMS, body: {} }, t === 'none' ? undefined : tokens[t])
      got[t] = String((answer.body as { code?: string }).code ?? answer.status)
      if (REFUSED_ALIKE.includes(t)) bodies.add(JSON.stringify(answer))
    }
    expect(got).toEqual(expected(kind))
    expect(bodies.size).toBe(1) // one identical answer whatever was forged
  })
})

describe('OWASP API2: the token itself', () => {
  it('should let only these routes be called without a session: every other one is in the tables above', () => {
    const open = (Object.entries(endpoints) as [RouteId, { auth: string }][]).filter(([, e]) => e.auth === 'none' || e.auth === 'signed').map(([id]) => id)
    expect(open.sort()).toEqual(['calendar', 'health', 'loginWechat', 'loginYkb', 'lookup', 'lookupCode', 'lookupRefresh', 'lookupVersion', 'publicTimes', 'push', 'refresh', 'services', 'staffLogin', 'townships'])
    expect(needing('applicant').length + needing('staff').length + open.length).toBe(Object.keys(endpoints).length)
  })

  it('should accept only the exact "Bearer <token>" form', async () => {
    const live = tokens.liveApplicant
    for (const header of [`bearer ${live}`, `Token ${live}`, live, `Bearer  `, `Basic ${Buffer.from(`x:${live}`).toString('base64')}`]) {
      const res = await fetch(`${s.url}/api/me`, { headers: { authorization: header } })
      expect([header.slice(0, 7), res.status]).toEqual([header.slice(0, 7), 401])
    }
    expect((await callApi('me', {}, clientFor(s, live))).via).toBe('wechat')
  })

  it('should not accept the token in the query string or a cookie', async () => {
    const live = tokens.liveApplicant
    expect((await fetch(`${s.url}/api/me?access_token=${live}&token=${live}`)).status).toBe(401)
    expect((await fetch(`${s.url}/api/me`, { headers: { cookie: `token=${live}; session=${live}` } })).status).toBe(401)
  })

  it('should refuse the refresh token of a logged-out session, an access token used as a refresh token, and a lapsed refresh token', async () => {
    const revoked = await failure(callApi('refresh', { body: { refreshToken: refreshTokens.revokedApplicant } }, clientFor(s)))
    expect([revoked.code, revoked.status]).toEqual(['SESSION_EXPIRED', 401])
    expect((await failure(callApi('refresh', { body: { refreshToken: tokens.liveApplicant } }, clientFor(s)))).code).toBe('SESSION_EXPIRED')
    const later = makeClock('2026-11-26T02:00:00Z')
    const t = await startInProcess({ now: later.now, sessionTtl: TTL })
    try {
      const a = await signInWechat(t, 'wx-refresh-lapse')
      later.advance(TTL.refreshSeconds * 1000)
      expect((await failure(callApi('refresh', { body: { refreshToken: a.session.refreshToken } }, clientFor(t)))).code).toBe('SESSION_EXPIRED')
    } finally {
      await t.close()
    }
  })

  it('should revoke every session of the sign-in when an old refresh token is used again', async () => {
    const a = await signInWechat(s, 'wx-refresh-thief')
    const owner = await callApi('refresh', { body: { refreshToken: a.session.refreshToken } }, clientFor(s))
    const owners = await callApi('refresh', { body: { refreshToken: owner.refreshToken } }, clientFor(s))
    expect((await callApi('me', {}, clientFor(s, owners.token))).via).toBe('wechat')
    // the first, already rotated refresh token comes back (a copy): the family is revoked, the live pair too
    const reuse = await failure(callApi('refresh', { body: { refreshToken: a.session.refreshToken } }, clientFor(s)))
    expect([reuse.code, reuse.status]).toEqual(['SESSION_EXPIRED', 401])
    expect((await failure(callApi('me', {}, clientFor(s, owners.token)))).code).toBe('UNAUTHENTICATED')
    expect((await failure(callApi('refresh', { body: { refreshToken: owners.refreshToken } }, clientFor(s)))).code).toBe('SESSION_EXPIRED')
    // another sign-in of the same user is another family and keeps working
    const other = await signInWechat(s, 'wx-refresh-thief-2')
    expect((await callApi('refresh', { body: { refreshToken: other.session.refreshToken } }, clientFor(s))).token).toBeTruthy()
  })

  it('should end a staff sign-in after a working day however often it is refreshed, and an applicant\'s after 30 days', async () => {
    const later = makeClock('2026-11-26T00:00:00Z')
    const t = await startInProcess({ now: later.now })
    try {
      const gw = await staffSignIn(t, 'gw-kefu')
      const wx = await signInWechat(t, 'wx-long-session')
      let staffRefresh = gw.refreshToken
      let applicantRefresh = wx.session.refreshToken
      let last = ''
      for (let hour = 1; hour <= 9; hour += 1) {
        later.advance(3600_000)
        const r = await callApi('refresh', { body: { refreshToken: staffRefresh } }, clientFor(t))
        staffRefresh = r.refreshToken
        last = r.expiresAt
        applicantRefresh = (await callApi('refresh', { body: { refreshToken: applicantRefresh } }, clientFor(t))).refreshToken
      }
      expect(last).toBe('2026-11-26T10:00:00.000Z') // the access token ends with the working day, not 2 h later
      later.advance(3600_000)
      expect((await failure(callApi('refresh', { body: { refreshToken: staffRefresh } }, clientFor(t)))).code).toBe('SESSION_EXPIRED')
      expect((await callApi('refresh', { body: { refreshToken: applicantRefresh } }, clientFor(t))).token).toBeTruthy()
      const day = t.db.prepare("SELECT MAX(refresh_expires_at) FROM session WHERE kind = 'staff'").pluck().get()
      expect(day).toBe(new Date(Date.parse('2026-11-26T00:00:00Z') + STAFF_DAY_SECONDS * 1000).toISOString())
    } finally {
      await t.close()
    }
  })

  it('should lapse a staff session at its end, to the second', async () => {
    const later = makeClock('2026-11-26T02:00:00Z')
    const t = await startInProcess({ now: later.now, sessionTtl: TTL })
    try {
      const gw = await staffSignIn(t, 'gw-kefu')
      later.advance(TTL.accessSeconds * 1000 - 1000)
      expect((await callApi('staffMe', {}, gw.client)).username).toBe('gw-kefu')
      later.advance(1000)
      const e = await failure(callApi('staffMe', {}, gw.client))
      expect([e.code, e.status, e.message]).toEqual(['SESSION_EXPIRED', 401, '登录已过期，请重新登录'])
    } finally {
      await t.close()
    }
  })

  it('should store sessions only as hashes', () => {
    const stored = JSON.stringify(s.db.prepare('SELECT * FROM session').all())
    for (const t of [tokens.liveApplicant, tokens.liveStaff, refreshTokens.liveApplicant]) expect(stored.includes(t)).toBe(false)
    expect(stored).toContain(sha256(tokens.liveStaff))
  })
})
