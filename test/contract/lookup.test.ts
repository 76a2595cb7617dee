import type { InProcess } from './support/in-process'
import { DEMO, clientFor, failure } from './support/fixtures'
import { applyShop, progressSuite, type Owner } from './support/progress-fixtures'
import { callApi } from '../../src/lib/http/client'
import { latestLookupCode } from './support/sms'

const suite = progressSuite()
const { clock } = suite
let s: InProcess
let li: Owner
let number: string
const bodies: string[] = []
const anon = () => clientFor(s, undefined, bodies)
beforeAll(async () => {
  ({ s, li } = suite)
  number = await applyShop(li)
})
// every test starts in a fresh rate-limit window
beforeEach(() => clock.advance(2 * 3600_000))

const MOBILE = '13800138000'
const askCode = (n = number, mobile = MOBILE) => callApi('lookupCode', { body: { number: n, mobile } }, anon())
const latestCode = () => latestLookupCode(s.db)
const lookup = (code: string, n = number, mobile = MOBILE) => callApi('lookup', { body: { number: n, mobile, code } }, anon())
const lookupCodes = () => (s.db.prepare('SELECT COUNT(*) AS n FROM lookup_code').get() as { n: number }).n
const ID_NUMBER = () => (s.db.prepare('SELECT id_number FROM ykb_identity WHERE id = ?').get(DEMO.li) as { id_number: string }).id_number

describe('lookup without sign-in', () => {
  it('should answer the same to a matching and a non-matching number and mobile, creating a code only for the match', async () => {
    const before = lookupCodes()
    const answers = [await askCode(), await askCode(number, '13900139000'), await askCode('WZ20200101000001')]
    for (const a of answers) expect(a).toEqual({ sent: true, ttlSeconds: 300, message: '如编号和手机号匹配，验证码已发送' })
    expect(lookupCodes()).toBe(before + 1)
  })

  it('should show the progress with the address masked to the township when number, mobile and code are right', async () => {
    await askCode()
    const r = await lookup(latestCode())
    expect(r.lookupToken).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(r.expiresAt).toBe(new Date(clock.now().getTime() + 30 * 60_000).toISOString())
    expect(r.detail).toMatchObject({ number, address: '重庆市万州区瀼渡镇****', process: { state: 'in-progress', currentStage: 'accept-sign' } })
    expect(r.detail.actions).toEqual({ withdraw: false, supplement: false, dispute: false, rate: false, propertyProof: false, complain: false, checkpointUpload: null })
    expect(r.detail.materials).toEqual([]) // progress, not the applicant's documents
    const refreshed = await callApi('lookupRefresh', { params: { number }, headers: { 'X-Lookup-Token': r.lookupToken } }, anon())
    expect(refreshed.timeline.length).toBe(r.detail.timeline.length)
    const all = bodies.join('\n')
    expect(all).not.toContain(ID_NUMBER())
    expect(all).not.toContain(MOBILE)
    expect(all).not.toContain('演示街8号')
    expect(s.db.prepare('SELECT COUNT(*) AS n FROM lookup_token WHERE token_hash = ?').get(r.lookupToken)).toEqual({ n: 0 })
  })

  it('should give one identical LOOKUP_FAILED body for a wrong mobile, code or number', async () => {
    await askCode()
    const code = latestCode()
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0')
    const seen: string[] = []
    for (const attempt of [() => lookup(code, number, '13900139000'), () => lookup(wrong), () => lookup(code, 'WZ20200101000001')]) {
      const e = await failure(attempt())
      seen.push(JSON.stringify([e.status, e.code, e.message, e.fieldErrors]))
    }
    expect(new Set(seen).size).toBe(1)
    expect(JSON.parse(seen[0])).toEqual([400, 'LOOKUP_FAILED', '申请编号、手机号或验证码不正确，请核对后重试', []])
    expect((await lookup(code)).detail.number).toBe(number) // the right code still works after 1 wrong try
  })

  it('should spend a code after 5 wrong tries, after one use, and after 300 seconds', async () => {
    await askCode()
    const code = latestCode()
    for (let i = 0; i < 5; i++) await failure(lookup(code === '000000' ? '000001' : '000000'))
    expect((await failure(lookup(code))).code).toBe('LOOKUP_FAILED')
    clock.advance(3600_000)
    await askCode()
    await lookup(latestCode())
    expect((await failure(lookup(latestCode()))).code).toBe('LOOKUP_FAILED')
    await askCode()
    clock.advance(301_000)
    expect((await failure(lookup(latestCode()))).code).toBe('LOOKUP_FAILED')
  })

  it('should answer LOOKUP_FAILED to a refresh without the token, with another number, or after 30 minutes', async () => {
    await askCode()
    const { lookupToken } = await lookup(latestCode())
    const other = await applyShop(li)
    const refresh = (n: string, headers: Record<string, string>) => failure(callApi('lookupRefresh', { params: { number: n }, headers }, anon()))
    expect((await refresh(number, {})).code).toBe('LOOKUP_FAILED')
    expect((await refresh(other, { 'X-Lookup-Token': lookupToken })).code).toBe('LOOKUP_FAILED')
    clock.advance(30 * 60_000 + 1000)
    expect((await refresh(number, { 'X-Lookup-Token': lookupToken })).code).toBe('LOOKUP_FAILED')
  })
})

describe('lookup rate limits', () => {
  it('should allow 5 codes an hour per number, then answer RATE_LIMITED', async () => {
    for (let i = 0; i < 5; i++) await askCode()
    const e = await failure(askCode())
    expect([e.code, e.status]).toEqual(['RATE_LIMITED', 429])
  })

  it('should allow 20 codes an hour per client IP across numbers, then answer RATE_LIMITED', async () => {
    for (let i = 0; i < 20; i++) await askCode(`WZ20200101${String(i).padStart(6, '0')}`)
    expect((await failure(askCode('WZ20200101000099'))).code).toBe('RATE_LIMITED')
  })

  it('should allow 10 lookups per 10 minutes per client IP, then answer RATE_LIMITED even with the right code', async () => {
    await askCode()
    const code = latestCode()
    for (let i = 0; i < 10; i++) await failure(lookup('111111', 'WZ20200101000001'))
    expect((await failure(lookup(code))).code).toBe('RATE_LIMITED')
    clock.advance(10 * 60_000) // a new window; the old code has expired by now
    await askCode()
    expect((await lookup(latestCode())).detail.number).toBe(number)
  })
})

describe('the demo SMS panel', () => {
  it('should list the code sent with the mobile masked', async () => {
    await askCode()
    const html = await (await fetch(`${s.url}/ykb/sms`)).text()
    expect(html).toContain('138****8000')
    expect(html).toContain(`验证码${latestCode()}`)
    expect(html).not.toContain(MOBILE)
  })
})
