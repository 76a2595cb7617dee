// OWASP API4 (unrestricted resource consumption): each rate limit triggers RATE_LIMITED at its documented count,
// holds to the last millisecond of its window and resets after it; bodies over 1 MB and files over 5 MB are
// refused in the envelope with a 413 code, without storing anything.
import fs from 'node:fs'
import path from 'node:path'
import type { RouteId } from '../../src/contract/routes'
import { ERRORS } from '../../src/contract/errors'
import { LOGIN_LIMIT } from '../../mock/routes/auth'
import { MAX_UPLOAD_BYTES } from '../../mock/licences/uploads'
import { startInProcess, type InProcess } from './support/in-process'
import { makeClock, withServer } from './support/fixtures'
import { applicant, sample, upload } from './support/licence-fixtures'
import { callRoute, outcomeOf, type Call } from './support/actors'
import { passwordOf } from './support/staff-fixtures'

const HOUR = 3600_000
const number = (i: number) => `WZ2020010100${String(i).padStart(4, '0')}`

interface Limit {
  name: string
  route: RouteId
  limit: number
  windowMs: number
  /** the i-th attempt (all within one limiter's key) */
  call: (i: number) => Call
}

const LIMITS: Limit[] = [
  { name: 'WeChat sign-in per client address', route: 'loginWechat', ...LOGIN_LIMIT, call: (i) => ({ body: { code: `wx-limit-${i}` } }) },
  { name: '渝快办 sign-in (callback code exchange) per client address', route: 'loginYkb', ...LOGIN_LIMIT, call: (i) => ({ body: { code: `used-or-unknown-${i}` } }) },
  { name: 'staff sign-in per client address', route: 'staffLogin', ...LOGIN_LIMIT, call: (i) => ({ body: { username: `nobody-${i}`, password: 'x' } }) },
  { name: 'lookup codes per application number', route: 'lookupCode', limit: 5, windowMs: HOUR, call: () => ({ body: { number: number(1), mobile: '13800138000' } }) },
  { name: 'lookup codes per client address', route: 'lookupCode', limit: 20, windowMs: HOUR, call: (i) => ({ body: { number: number(i % 20), mobile: '13800138000' } }) },
  { name: 'lookups per client address', route: 'lookup', limit: 10, windowMs: 10 * 60_000, call: (i) => ({ body: { number: number(i), mobile: '13800138000', code: '123456' } }) },
]

describe('OWASP API4: rate limits', () => {
  it.each(LIMITS.map((l) => [l.name, l] as const))('should limit %s, hold to the window\'s end and reset after it', (_name, l) => {
    const clock = makeClock('2026-11-26T02:00:00Z')
    return withServer({ now: clock.now }, async (s) => {
      const first: string[] = []
      for (let i = 0; i < l.limit; i++) first.push(outcomeOf(await callRoute(s, l.route, l.call(i))))
      expect(first).not.toContain('RATE_LIMITED')
      const over = await callRoute(s, l.route, l.call(l.limit))
      expect([over.status, over.body]).toEqual([429, { code: 'RATE_LIMITED', msg: ERRORS.RATE_LIMITED.msg, data: null }])
      clock.advance(l.windowMs - 1)
      expect(outcomeOf(await callRoute(s, l.route, l.call(l.limit + 1)))).toBe('RATE_LIMITED')
      clock.advance(1)
      expect(outcomeOf(await callRoute(s, l.route, l.call(l.limit + 2)))).not.toBe('RATE_LIMITED')
    })
  })

  it('should keep the applicant and staff sign-in limits apart', () => withServer({ now: makeClock('2026-11-26T02:00:00Z').now }, async (s) => {
    for (let i = 0; i <= LOGIN_LIMIT.limit; i++) await callRoute(s, 'loginWechat', { body: { code: `wx-${i}` } })
    expect(outcomeOf(await callRoute(s, 'loginWechat', { body: { code: 'wx-more' } }))).toBe('RATE_LIMITED')
    expect(outcomeOf(await callRoute(s, 'staffLogin', { body: { username: 'gw-kefu', password: passwordOf('gw-kefu') } }))).toBe('ok')
  }))
})

describe('OWASP API4: request size', () => {
  let s: InProcess
  beforeAll(async () => { s = await startInProcess() })
  afterAll(async () => { await s.close() })
  const TOO_LARGE = { code: 'PAYLOAD_TOO_LARGE', msg: ERRORS.PAYLOAD_TOO_LARGE.msg, data: null }
  const overOneMb = JSON.stringify({ answers: { pad: 'x'.repeat(1024 * 1024) }, page: 'x', version: 0 })

  it.each(['draftSave', 'lookup', 'staffLogin', 'push'] as const)('should answer PAYLOAD_TOO_LARGE (413) to a JSON body over 1 MB on %s', async (route) => {
    const a = applicant(s)
    const res = await callRoute(s, route, { body: overOneMb }, a.headers.authorization.slice(7))
    expect([res.status, res.body]).toEqual([413, TOO_LARGE])
  })

  it('should answer PAYLOAD_TOO_LARGE to a chunked body over 1 MB that announces no length', async () => {
    const bytes = Buffer.from(overOneMb)
    const stream = new ReadableStream({ start(c) { for (let i = 0; i < bytes.length; i += 64 * 1024) c.enqueue(bytes.subarray(i, i + 64 * 1024)); c.close() } })
    const res = await fetch(`${s.url}/api/lookup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit)
    expect([res.status, await res.json()]).toEqual([413, TOO_LARGE])
  })

  it('should pass a body just under 1 MB on to the route, whose own rule (a draft holds 64 KB) then answers', async () => {
    const a = applicant(s)
    const res = await callRoute(s, 'draftSave', { body: JSON.stringify({ answers: { pad: 'x'.repeat(1000 * 1000) }, page: 'x', version: 0 }) }, a.headers.authorization.slice(7))
    expect([res.status, res.body]).toEqual([413, { code: 'PAYLOAD_TOO_LARGE', msg: '草稿内容超过64KB，请精简后再保存', data: null }])
  })

  it('should refuse a 20 MB upload with UPLOAD_TOO_LARGE (413) and store nothing', async () => {
    const dir = path.join(s.dataDir, 'uploads-limit')
    await s.close()
    s = await startInProcess({ uploadsDir: dir })
    const a = applicant(s)
    const r = await upload(s, a, sample('jpeg', 'huge', 20 * 1024 * 1024))
    expect([r.status, r.body.code, r.body.msg]).toEqual([413, 'UPLOAD_TOO_LARGE', ERRORS.UPLOAD_TOO_LARGE.msg])
    expect(fs.existsSync(dir) ? fs.readdirSync(dir) : []).toEqual([])
    expect(s.db.prepare('SELECT COUNT(*) AS n FROM upload').get()).toEqual({ n: 0 })
    expect((await upload(s, a, sample('jpeg', 'fits', MAX_UPLOAD_BYTES))).status).toBe(200)
  })

  it('should store only the first file of a form that carries two', async () => {
    const a = applicant(s)
    const two = new FormData()
    for (const n of ['a.png', 'b.png']) two.append('file', new Blob([new Uint8Array(sample('png', n))], { type: 'image/png' }), n)
    const res = await fetch(`${s.url}/api/uploads`, { method: 'POST', body: two, headers: a.headers })
    expect(res.status).toBe(200)
    expect(s.db.prepare('SELECT COUNT(*) AS n FROM upload WHERE owner_id = ?').get(a.userId)).toEqual({ n: 1 })
  })

  it('should answer PAYLOAD_TOO_LARGE to an upload form with many fields instead of holding them in memory', async () => {
    const a = applicant(s)
    const form = new FormData()
    for (let i = 0; i < 50; i++) form.append(`f${i}`, 'x'.repeat(1024))
    form.append('file', new Blob([new Uint8Array(sample('png'))], { type: 'image/png' }), 'a.png')
    const res = await fetch(`${s.url}/api/uploads`, { method: 'POST', body: form, headers: a.headers })
    expect([res.status, await res.json()]).toEqual([413, TOO_LARGE])
    expect(s.db.prepare('SELECT COUNT(*) AS n FROM upload WHERE owner_id = ?').get(a.userId)).toEqual({ n: 0 })
  })

  it('should answer UNSUPPORTED_MEDIA_TYPE (415) to a body of an undeclared type', async () => {
    const res = await callRoute(s, 'lookup', { body: '<number>WZ1</number>', headers: { 'content-type': 'application/xml' } })
    expect([res.status, (res.body as { code: string }).code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE'])
  })
})
