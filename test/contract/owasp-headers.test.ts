// OWASP API8 (security misconfiguration): security headers on every kind of answer (API, error, file, CSV, the H5
// page), a Content-Security-Policy for the H5 page that allows exactly its own inline script, and no CORS at all.
import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { startInProcess, type InProcess } from './support/in-process'
import { applicant } from './support/licence-fixtures'
import { staffSignIn } from './support/staff-fixtures'
import { inlineScriptHashes } from '../../mock/http/h5-csp'

const INLINE = "!function(){document.documentElement.style.fontSize='20px'}();"
const INDEX = `<!doctype html><html><head><title>万州办电</title><script>${INLINE}</script><script defer src="/js/app.js"></script></head><body><div id="app"></div></body></html>`

let s: InProcess
let staffToken: string
beforeAll(async () => {
  const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wz-h5-static-'))
  fs.mkdirSync(path.join(staticDir, 'js'))
  fs.writeFileSync(path.join(staticDir, 'index.html'), INDEX)
  fs.writeFileSync(path.join(staticDir, 'js', 'app.js'), 'console.log(1)')
  fs.writeFileSync(path.join(staticDir, 'other.html'), '<p>x</p><img src=x onerror=alert(1)>')
  s = await startInProcess({ staticDir })
  staffToken = (await staffSignIn(s, 'gw-banzhang')).token
})
afterAll(async () => { await s.close() })

const get = (p: string, headers: Record<string, string> = {}) => fetch(`${s.url}${p}`, { headers })

describe('OWASP API8: security headers', () => {
  const KINDS: [string, () => Promise<Response>][] = [
    ['an API answer', () => get('/api/services')],
    ['an API refusal', () => get('/api/me')],
    ['an unknown API path', () => get('/api/nope')],
    ['the applicant\'s own data', () => get('/api/me', applicant(s).headers)],
    ['the CSV report', () => get('/api/staff/report.csv?month=2026-11', { authorization: `Bearer ${staffToken}` })],
    ['the health check', () => get('/healthz')],
    ['the H5 page', () => get('/')],
    ['an H5 script', () => get('/js/app.js')],
    ['a 渝快办 mock page', () => get('/ykb/sms')],
  ]

  it.each(KINDS)('should send nosniff, no-referrer and DENY framing on %s', async (_kind, call) => {
    const res = await call()
    expect(res.status).toBeLessThan(500)
    expect([res.headers.get('x-content-type-options'), res.headers.get('referrer-policy'), res.headers.get('x-frame-options')]).toEqual(['nosniff', 'no-referrer', 'DENY'])
  })

  it('should keep API answers out of every cache', async () => {
    for (const res of [await get('/api/services'), await get('/api/me', applicant(s).headers), await get('/api/me')]) {
      expect(res.headers.get('cache-control')).toBe('no-store')
    }
  })

  it('should give the H5 page a policy that runs its own inline script, by hash, and nothing else inline', async () => {
    const csp = (await get('/')).headers.get('content-security-policy') ?? ''
    const hash = `'sha256-${crypto.createHash('sha256').update(INLINE).digest('base64')}'`
    expect(inlineScriptHashes(INDEX)).toEqual([hash])
    // a data block never runs: it needs no hash (the start page's prerendered catalogue is one)
    expect(inlineScriptHashes(`${INDEX}<script type="application/json" id="data">{"a":1}</script>`)).toEqual([hash])
    const directives = Object.fromEntries(csp.split(/;\s*/).map((d) => [d.split(' ')[0], d.split(' ').slice(1)]))
    expect(directives['script-src']).toEqual(["'self'", hash])
    expect(directives).toMatchObject({
      'default-src': ["'self'"], 'connect-src': ["'self'", 'blob:'], 'object-src': ["'none'"], 'frame-ancestors': ["'none'"], 'base-uri': ["'self'"],
    })
    expect(csp).not.toMatch(/unsafe-eval|\*/)
    expect((await get('/index.html')).headers.get('content-security-policy')).toBe(csp)
  })
})

describe('OWASP API8: the H5 policy however the page is asked for', () => {
  // fetch would normalise some of these paths; a raw request sends them exactly as written
  const raw = (p: string) => new Promise<{ status: number; headers: Record<string, string | string[] | undefined> }>((resolve, reject) => {
    const req = http.get(`${s.url}${p}`, (res) => { res.resume(); resolve({ status: res.statusCode ?? 0, headers: res.headers }) })
    req.on('error', reject)
  })

  it.each(['/%69ndex.html', '/index%2Ehtml', '/index.html?x=1', '/./index.html', '/js/../index.html', '//index.html', '/?%69=1'])(
    'should send the app\'s policy with the page when it is asked for as %s', async (p) => {
      const expected = (await get('/')).headers.get('content-security-policy')
      const res = await raw(p)
      if (res.status !== 200) return expect([p, res.headers['content-type']]).not.toEqual([p, expect.stringMatching(/^text\/html/)])
      expect([p, res.headers['content-security-policy']]).toEqual([p, expected])
    })

  it('should give any other HTML answer a policy too', async () => {
    const res = await raw('/other.html')
    expect([res.status, res.headers['content-security-policy']]).toEqual([200, (await get('/')).headers.get('content-security-policy')])
  })
})

describe('request ids', () => {
  it('should answer every request with its own X-Request-Id, never the one the client sent', async () => {
    const a = await get('/api/services', { 'x-request-id': 'chosen-by-client' })
    const b = await get('/api/nope')
    expect(a.headers.get('x-request-id')).toMatch(/^[0-9a-f]{16}$/)
    expect(b.headers.get('x-request-id')).toMatch(/^[0-9a-f]{16}$/)
    expect(a.headers.get('x-request-id')).not.toBe(b.headers.get('x-request-id'))
  })
})

describe('OWASP API8: CORS', () => {
  const EVIL = 'https://evil.example'
  const corsHeaders = (res: Response) => [...res.headers.keys()].filter((k) => k.startsWith('access-control-'))

  it.each(['/api/services', '/api/me', '/api/applications', '/api/staff/me', '/healthz', '/'])('should allow no other origin to read %s', async (p) => {
    const res = await get(p, { origin: EVIL })
    expect(corsHeaders(res)).toEqual([])
  })

  it('should answer a preflight from another origin without allowing anything', async () => {
    for (const p of ['/api/lookup', '/api/staff/login', '/api/drafts/current']) {
      const res = await fetch(`${s.url}${p}`, {
        method: 'OPTIONS', headers: { origin: EVIL, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
      })
      expect([p, res.status, corsHeaders(res)]).toEqual([p, 404, []])
    }
  })

  it('should not reflect a "null" origin or a credentials request either', async () => {
    const res = await get('/api/me', { origin: 'null', cookie: 'x=1', ...applicant(s).headers })
    expect(corsHeaders(res)).toEqual([])
  })
})
