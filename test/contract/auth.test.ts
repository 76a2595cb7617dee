import http from 'node:http'
import { startInProcess, type InProcess } from './support/in-process'
import {
  CALLBACK, DEMO, authorise, clientFor, failure, form, giveConsent, logout, makeClock, redirectParams, signInWechat, signInYkb, withServer,
} from './support/fixtures'
import { callApi } from '../../src/lib/http/client'
import { CONSENT_VERSION } from '../../src/contract/auth'
import { idCheckChar } from '../../src/core/validators'
import { DEMO_IDENTITIES } from '../../mock/seed/demo-data'
import { LOGIN_LIMIT } from '../../mock/routes/auth'

const clock = makeClock('2026-11-26T02:00:00Z')
let s: InProcess
beforeAll(async () => { s = await startInProcess({ now: clock.now }) })
afterAll(async () => { await s.close() })
// Each test starts a fresh login rate-limit window.
beforeEach(() => clock.advance(LOGIN_LIMIT.windowMs))

const idNumber = (key: string) => {
  const d = DEMO_IDENTITIES.find((x) => x.key === key)!
  return d.id17 + idCheckChar(d.id17)
}
const pageUrl = (params: Record<string, string>) => `${s.url}/ykb/authorize?${new URLSearchParams(params)}`

describe('渝快办 consent page (mock of 渝快办\'s side)', () => {
  it('should show the asking app, each scope and the masked demo identities when opened', async () => {
    const res = await fetch(pageUrl({ redirect_uri: CALLBACK, state: 'abc', scope: 'base,user,mobile' }))
    const html = await res.text()
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/)
    expect(html).toContain('<html lang="zh-CN">')
    expect(html).toContain('渝快办 授权登录（模拟）')
    expect(html).toContain('万州办电')
    for (const scope of ['基本信息', '实名信息（姓名、身份证号）', '手机号']) expect(html).toContain(scope)
    expect(html).toContain('李**')
    expect(html).toContain(`5001**********${idNumber(DEMO.li).slice(-4)}`)
    expect(html).toContain('138****8000')
    expect(html).toContain('139****9000')
    expect(html).toMatch(/value="ykb-demo-li" checked/)
    expect(html).toContain('>同意授权</button>')
    expect(html).toContain('>拒绝</button>')
    for (const d of DEMO_IDENTITIES) {
      expect(html).not.toContain(d.name)
      expect(html).not.toContain(d.mobile)
      expect(html).not.toContain(idNumber(d.key))
    }
  })

  it('should redirect with the code and state at the end of the hash route when 同意授权 is tapped', async () => {
    const location = await authorise(s, DEMO.li, CALLBACK, 'state-42')
    expect(location).toMatch(/^\/#\/packages\/account\/pages\/ykb-callback\/index\?code=[\w-]{20,}&state=state-42$/)
    const r = await callApi('loginYkb', { body: { code: redirectParams(location).get('code')! } }, clientFor(s))
    expect(r.me.via).toBe('ykb')
    expect(r.me.identity).toEqual({ nameMasked: '李**', idNumberMasked: `5001**********${idNumber(DEMO.li).slice(-4)}`, mobileMasked: '138****8000' })
    expect(r.me.consentVersion).toBeNull()
  })

  it('should put the parameters in the query string when the redirect has no hash', async () => {
    const location = await authorise(s, DEMO.wang, '/cb?x=1', 'st')
    expect(location).toMatch(/^\/cb\?x=1&code=[\w-]+&state=st$/)
    const hostUrl = `${s.url}/cb`
    expect(await authorise(s, DEMO.wang, hostUrl, 'st')).toMatch(new RegExp(`^${hostUrl}\\?code=`))
  })

  it('should redirect with error=access_denied when 拒绝 is tapped', async () => {
    const res = await fetch(`${s.url}/ykb/authorize`, form({ redirect_uri: CALLBACK, state: 's9', identity: DEMO.li, decision: 'deny' }))
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe(`${CALLBACK}?error=access_denied&state=s9`)
  })

  it.each(['https://evil.example/cb', '//evil.example/cb', '/\\evil.example', 'javascript:alert(1)', 'http://127.0.0.1.evil.example/'])(
    'should refuse with a 400 page and no redirect when redirect_uri is %s', async (uri) => {
      const get = await fetch(pageUrl({ redirect_uri: uri, state: 's' }))
      expect(get.status).toBe(400)
      expect(await get.text()).toContain('回调地址（redirect_uri）不被允许')
      const post = await fetch(`${s.url}/ykb/authorize`, form({ redirect_uri: uri, state: 's', identity: DEMO.li, decision: 'allow' }))
      expect(post.status).toBe(400)
      expect(post.headers.get('location')).toBeNull()
    })

  it.each(['/\uff0f/evil.example', '/\u3000/evil.example', '/cb\u0000', '/%0d%0aSet-Cookie:x=1'.replace('%0d%0a', '\r\n'), 'http:/evil.example', 'HTTP://evil.example/'])(
    'should refuse the malformed redirect_uri %j with the 400 page, never a 500 or a redirect', async (uri) => {
      for (const res of [await fetch(pageUrl({ redirect_uri: uri, state: 's' })),
        await fetch(`${s.url}/ykb/authorize`, form({ redirect_uri: uri, state: 's', identity: DEMO.li, decision: 'allow' }))]) {
        expect([res.status, res.headers.get('location')]).toEqual([400, null])
        expect(await res.text()).toContain('回调地址（redirect_uri）不被允许')
      }
    })

  it('should check an absolute redirect_uri against the public origin, whatever Host header the request carries', async () => {
    const raw = (host: string, uri: string) => new Promise<{ status: number; location?: string }>((resolve, reject) => {
      const body = new URLSearchParams({ redirect_uri: uri, state: 's', scope: 'base', identity: DEMO.li, decision: 'allow' }).toString()
      const req = http.request(`${s.url}/ykb/authorize`, { method: 'POST', headers: { host, 'content-type': 'application/x-www-form-urlencoded' } }, (res) => {
        res.resume()
        resolve({ status: res.statusCode ?? 0, location: res.headers.location })
      })
      req.on('error', reject)
      req.end(body)
    })
    expect((await raw('evil.example', 'http://evil.example/cb')).status).toBe(400)
    const ok = await raw('evil.example', `${s.url}/cb`)
    expect([ok.status, ok.location?.startsWith(`${s.url}/cb?code=`)]).toEqual([302, true])
    await withServer({ publicOrigin: 'https://banli.example.gov.cn' }, async (t) => {
      expect((await authorise(t, DEMO.li, 'https://banli.example.gov.cn/#/cb', 's'))).toMatch(/^https:\/\/banli\.example\.gov\.cn\/#\/cb\?code=/)
      const own = await fetch(`${t.url}/ykb/authorize`, form({ redirect_uri: `${t.url}/cb`, state: 's', identity: DEMO.li, decision: 'allow' }))
      expect(own.status).toBe(400)
    })
  })

  it('should refuse a consent posted from another site without issuing a code', async () => {
    const before = (s.ykbSim!.db.prepare('SELECT COUNT(*) AS n FROM oauth_code').get() as { n: number }).n
    const fields = { redirect_uri: CALLBACK, state: 's', identity: DEMO.li, decision: 'allow' }
    const res = await fetch(`${s.url}/ykb/authorize`, { ...form(fields), headers: { ...form(fields).headers, origin: 'https://evil.example' } })
    expect([res.status, res.headers.get('location')]).toEqual([403, null])
    expect((s.ykbSim!.db.prepare('SELECT COUNT(*) AS n FROM oauth_code').get() as { n: number }).n).toBe(before)
  })

  it('should refuse an unknown scope or identity with a 400 page', async () => {
    expect((await fetch(pageUrl({ redirect_uri: CALLBACK, scope: 'base,admin' }))).status).toBe(400)
    const res = await fetch(`${s.url}/ykb/authorize`, form({ redirect_uri: CALLBACK, identity: 'someone-else', decision: 'allow' }))
    expect(res.status).toBe(400)
  })
})

describe('loginYkb', () => {
  it('should refuse a code the second time it is exchanged', async () => {
    const code = redirectParams(await authorise(s, DEMO.zhao)).get('code')!
    await callApi('loginYkb', { body: { code } }, clientFor(s))
    const again = await failure(callApi('loginYkb', { body: { code } }, clientFor(s)))
    expect([again.code, again.status]).toEqual(['LOGIN_CODE_INVALID', 400])
  })

  it('should refuse an unknown code and a code older than five minutes', async () => {
    expect((await failure(callApi('loginYkb', { body: { code: 'no-such-code' } }, clientFor(s)))).code).toBe('LOGIN_CODE_INVALID')
    const code = redirectParams(await authorise(s, DEMO.zhao)).get('code')!
    clock.advance(5 * 60 * 1000 + 1)
    expect((await failure(callApi('loginYkb', { body: { code } }, clientFor(s)))).code).toBe('LOGIN_CODE_INVALID')
  })

  it('should sign the same identity in as the same user each time', async () => {
    const first = await signInYkb(s, DEMO.wang)
    const second = await signInYkb(s, DEMO.wang)
    expect(second.me.userId).toBe(first.me.userId)
    expect(second.session.token).not.toBe(first.session.token)
  })
})

describe('loginWechat and binding a 渝快办 identity', () => {
  it('should sign in a WeChat user without identity once per code: a code used before is refused, whoever sends it', async () => {
    const a = await signInWechat(s, 'wx-code-0001')
    expect(a.me).toEqual({ userId: expect.stringMatching(/^u_/), via: 'wechat', identity: null, consentVersion: null })
    const again = await failure(callApi('loginWechat', { body: { code: 'wx-code-0001' } }, clientFor(s)))
    expect([again.code, again.status]).toEqual(['LOGIN_CODE_INVALID', 400])
    expect((await signInWechat(s, 'wx-code-0002')).me.userId).not.toBe(a.me.userId)
    expect(JSON.stringify(s.db.prepare('SELECT * FROM wechat_code').all())).not.toContain('wx-code-0001')
  })

  it('should refuse a code jscode2session would not accept', async () => {
    const e = await failure(callApi('loginWechat', { body: { code: 'not a code!' } }, clientFor(s)))
    expect([e.code, e.status]).toEqual(['LOGIN_CODE_INVALID', 400])
  })

  it('should bind the 渝快办 identity to the signed-in WeChat user when nobody holds it yet', () => withServer({}, async (t) => {
    const wx = await signInWechat(t, 'wx-bind-li')
    const bound = await signInYkb(t, DEMO.li, wx)
    expect(bound.me.userId).toBe(wx.me.userId)
    expect(bound.me.via).toBe('ykb')
    expect(bound.me.identity?.nameMasked).toBe('李**')
    expect((await callApi('me', {}, wx.client)).via).toBe('ykb')
  }))

  it('should sign in as the user already holding the identity when another WeChat user authorises it', async () => {
    const holder = await signInYkb(s, DEMO.li)
    const other = await signInWechat(s, 'wx-someone-else')
    const r = await signInYkb(s, DEMO.li, other)
    expect(r.me.userId).toBe(holder.me.userId)
    expect((await callApi('me', {}, other.client)).identity).toBeNull()
  })
})

describe('me and consent', () => {
  it('should answer UNAUTHENTICATED without a token', async () => {
    const e = await failure(callApi('me', {}, clientFor(s)))
    expect([e.code, e.status]).toEqual(['UNAUTHENTICATED', 401])
  })

  it('should store consent when granted and clear it when withdrawn', async () => {
    const a = await signInYkb(s, DEMO.wang)
    expect((await giveConsent(a)).consentVersion).toBe(CONSENT_VERSION)
    expect((await callApi('me', {}, a.client)).consentVersion).toBe(CONSENT_VERSION)
    const withdrawn = await callApi('consent', { body: { version: CONSENT_VERSION, granted: false } }, a.client)
    expect(withdrawn.consentVersion).toBeNull()
  })

  it('should name the version field when consent is given to an outdated notice', async () => {
    const a = await signInYkb(s, DEMO.wang)
    const e = await failure(callApi('consent', { body: { version: '2020-01' as typeof CONSENT_VERSION, granted: true } }, a.client))
    expect(e.code).toBe('VALIDATION_FAILED')
    expect(e.fieldMessage('version')).toBe('个人信息收集说明已更新，请重新阅读')
  })

  it('should never return a full ID number, mobile or name in any response body', async () => {
    const recorded: string[] = []
    const a = await signInYkb(s, DEMO.zhao, undefined, recorded)
    await callApi('me', {}, a.client)
    await giveConsent(a)
    await callApi('refresh', { body: { refreshToken: a.session.refreshToken } }, clientFor(s, undefined, recorded))
    expect(recorded.length).toBeGreaterThanOrEqual(4)
    const all = recorded.join('\n')
    expect(all).toContain('137****7000')
    expect(all).not.toMatch(/\d{17}[\dXx]/)
    expect(all).not.toMatch(/(^|\D)1[3-9]\d{9}(?!\d)/)
    for (const d of DEMO_IDENTITIES) expect(all).not.toContain(d.name)
  })
})

describe('sessions', () => {
  it('should rotate on refresh and refuse the old refresh and access tokens', async () => {
    const a = await signInYkb(s, DEMO.wang)
    const next = await callApi('refresh', { body: { refreshToken: a.session.refreshToken } }, clientFor(s))
    expect(next.token).not.toBe(a.session.token)
    expect(next.refreshToken).not.toBe(a.session.refreshToken)
    expect((await callApi('me', {}, clientFor(s, next.token))).userId).toBe(a.me.userId)
    const reused = await failure(callApi('refresh', { body: { refreshToken: a.session.refreshToken } }, clientFor(s)))
    expect([reused.code, reused.status]).toEqual(['SESSION_EXPIRED', 401])
    expect((await failure(callApi('me', {}, a.client))).code).toBe('UNAUTHENTICATED')
  })

  it('should refuse the token after logout', async () => {
    const a = await signInYkb(s, DEMO.wang)
    expect(await logout(a)).toEqual({ ok: true })
    expect((await failure(callApi('me', {}, a.client))).code).toBe('UNAUTHENTICATED')
  })

  it('should answer SESSION_EXPIRED once the access token has lapsed', async () => {
    const a = await signInWechat(s, 'wx-expiry')
    clock.advance(2 * 3600 * 1000 + 1000)
    const e = await failure(callApi('me', {}, a.client))
    expect([e.code, e.status]).toEqual(['SESSION_EXPIRED', 401])
  })

  it('should expire a session built with a one-second lifetime', () => {
    const short = makeClock('2026-11-26T02:00:00Z')
    return withServer({ now: short.now, sessionTtl: { accessSeconds: 1, refreshSeconds: 60 } }, async (t) => {
      const a = await signInWechat(t, 'wx-short')
      expect((await callApi('me', {}, a.client)).via).toBe('wechat')
      short.advance(1000)
      expect((await failure(callApi('me', {}, a.client))).code).toBe('SESSION_EXPIRED')
    })
  })
})

describe('login rate limit', () => {
  it('should answer RATE_LIMITED after 20 logins a minute from one IP, and allow again in the next minute', () => {
    const own = makeClock('2026-11-26T02:00:00Z')
    return withServer({ now: own.now }, async (t) => {
      for (let i = 0; i < LOGIN_LIMIT.limit; i++) await signInWechat(t, `wx-rate-${i}`)
      const e = await failure(callApi('loginWechat', { body: { code: 'wx-rate-x' } }, clientFor(t)))
      expect([e.code, e.status]).toEqual(['RATE_LIMITED', 429])
      expect((await failure(callApi('loginYkb', { body: { code: 'any' } }, clientFor(t)))).code).toBe('RATE_LIMITED')
      own.advance(LOGIN_LIMIT.windowMs)
      expect((await signInWechat(t, 'wx-rate-x')).me.via).toBe('wechat')
    })
  })
})

describe('渝快办 consent inside the mini-program web-view', () => {
  it('should hand the code back to the mini-program callback page, and refuse odd values', async () => {
    const { startInProcess } = await import('./support/in-process')
    const s = await startInProcess()
    try {
      const ok = await (await fetch(`${s.url}/ykb/mini-callback?code=abc_123&state=st-1`)).text()
      expect(ok).toContain('"/packages/account/pages/ykb-callback/index?code=abc_123&state=st-1"')
      const odd = await (await fetch(`${s.url}/ykb/mini-callback?code=${encodeURIComponent('"><script>')}&state=x`)).text()
      expect(odd).toContain('error=access_denied')
      expect(odd).not.toContain('<script>"')
    } finally {
      await s.close()
    }
  })
})
