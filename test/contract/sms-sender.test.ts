// SMS through the sender port: production's HTTP sender against a stand-in gateway (signature, idempotency key,
// retries with backoff, refusal, scrubbing once sent), and the demo's outbox page.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { openDb, type Db } from '../../mock/db/open'
import { SmsDispatcher } from '../../mock/sms/dispatcher'
import { httpSmsSender } from '../../mock/sms/http-sender'
import { enqueueSms, SMS_MAX_ATTEMPTS, smsBacklog } from '../../mock/sms/outbox'
import { PUSH_HEADERS, signatureMatches } from '../../mock/push/signing'
import { callApi } from '../../src/lib/http/client'
import { clientFor, DEMO, makeClock, readyApplicant, shopAnswers, signedBody, submit, newDraft } from './support/fixtures'
import { startInProcess } from './support/in-process'
import { latestLookupCode } from './support/sms'

const SECRET = 's'.repeat(40)
const MOBILE = '13800138000'

/** A stand-in SMS gateway: checks our signature, answers with the statuses queued in `answers` (then 200). */
async function gateway(answers: number[] = []) {
  const received: { body: Record<string, string>; idempotencyKey: string; signed: boolean }[] = []
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const raw = Buffer.concat(chunks)
      const h = (n: string) => String(req.headers[n] ?? '')
      const signed = h(PUSH_HEADERS.appKey) === 'sms-app' && signatureMatches(SECRET, h(PUSH_HEADERS.timestamp), h(PUSH_HEADERS.nonce), raw, h(PUSH_HEADERS.signature), req.url ?? '', 'POST')
      received.push({ body: JSON.parse(raw.toString()) as Record<string, string>, idempotencyKey: h('idempotency-key'), signed })
      const status = answers.shift() ?? 200
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(status === 200 ? { code: '00', msg: 'ok' } : { code: 'E', msg: 'no' }))
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms/send`
  return { url, received, close: () => new Promise<void>((r) => server.close(() => r())) }
}

const rows = (db: Db) => db.prepare('SELECT state, attempts, to_mobile, text, next_attempt_at FROM sms_outbox ORDER BY id').all() as
  { state: string; attempts: number; to_mobile: string; text: string; next_attempt_at: string }[]

describe('the HTTP SMS sender through the outbox', () => {
  const clock = makeClock('2026-12-01T02:00:00Z')
  let db: Db
  beforeEach(() => { db = openDb(':memory:') })
  afterEach(() => db.close())

  const dispatcher = (url: string) => new SmsDispatcher({ db, sender: httpSmsSender({ endpoint: url, appKey: 'sms-app', secret: SECRET }, { now: clock.now }), now: clock.now, random: () => 0.5 })

  it('should send each message signed, with its id as idempotency key, and keep nothing readable once sent', async () => {
    const gw = await gateway()
    try {
      enqueueSms(db, { number: 'WZ20261201000001', template: 'sms-lookup-code', to: MOBILE, text: '【万州办电】验证码123456，5分钟内有效' }, clock.now())
      expect(await dispatcher(gw.url).runOnce()).toBe(1)
      expect(gw.received).toHaveLength(1)
      expect(gw.received[0].signed).toBe(true)
      expect(gw.received[0].body).toMatchObject({ to: MOBILE, text: '【万州办电】验证码123456，5分钟内有效', template: 'sms-lookup-code' })
      expect(gw.received[0].idempotencyKey).toBe(gw.received[0].body.messageId)
      expect(rows(db)).toEqual([expect.objectContaining({ state: 'sent', attempts: 1, to_mobile: '138****8000', text: '【万州办电】验证码******，5分钟内有效' })])
    } finally {
      await gw.close()
    }
  })

  it('should try again after a 5xx, later by the backoff, with the same message id; the gateway sends it once', async () => {
    const gw = await gateway([503])
    try {
      enqueueSms(db, { number: null, template: 'sms-submitted', to: MOBILE, text: '已提交' }, clock.now())
      const d = dispatcher(gw.url)
      await d.runOnce()
      expect(rows(db)[0]).toMatchObject({ state: 'pending', attempts: 1, to_mobile: MOBILE })
      expect(smsBacklog(db)).toEqual({ pending: 1, failed: 0 })
      // first retry after 1 s (base) with equal jitter at 0.5: 750 ms
      expect(new Date(rows(db)[0].next_attempt_at).getTime() - clock.now().getTime()).toBe(750)
      expect(await d.runOnce()).toBe(0)
      clock.advance(750)
      expect(await d.runOnce()).toBe(1)
      expect(rows(db)[0]).toMatchObject({ state: 'sent', attempts: 2 })
      expect(new Set(gw.received.map((r) => r.body.messageId)).size).toBe(1)
    } finally {
      await gw.close()
    }
  })

  it('should give up on a 4xx at once, and on trouble after the last attempt', async () => {
    const gw = await gateway([422, ...Array<number>(SMS_MAX_ATTEMPTS).fill(500)])
    try {
      enqueueSms(db, { number: null, template: 'a', to: MOBILE, text: 'x' }, clock.now())
      enqueueSms(db, { number: null, template: 'b', to: '13900139000', text: 'y' }, clock.now())
      const d = dispatcher(gw.url)
      for (let i = 0; i < SMS_MAX_ATTEMPTS; i++) { await d.runOnce(); clock.advance(60_000) }
      expect(rows(db).map((r) => [r.state, r.attempts, r.to_mobile])).toEqual([['failed', 1, '138****8000'], ['failed', SMS_MAX_ATTEMPTS, '139****9000']])
      expect(smsBacklog(db)).toEqual({ pending: 0, failed: 2 })
    } finally {
      await gw.close()
    }
  })

  it('should wait, not fail, when the gateway cannot be reached', async () => {
    enqueueSms(db, { number: null, template: 'a', to: MOBILE, text: 'x' }, clock.now())
    await dispatcher('http://127.0.0.1:9/unreachable').runOnce()
    expect(rows(db)[0]).toMatchObject({ state: 'pending', attempts: 1 })
  })
})

describe('SMS in a running server', () => {
  it('should send a submission notice and a lookup code through the configured sender, and record no code', async () => {
    const gw = await gateway()
    const s = await startInProcess({ sms: { endpoint: gw.url, appKey: 'sms-app', secret: SECRET } })
    try {
      const li = await readyApplicant(s, DEMO.li)
      const answers = shopAnswers({ idCard: li.idCard, property: li.property })
      const { number } = await submit(li, await signedBody(li, await newDraft(li, answers), answers))
      await callApi('lookupCode', { body: { number, mobile: MOBILE } }, clientFor(s))
      for (let i = 0; gw.received.length < 2 && i < 50; i++) await new Promise((r) => setTimeout(r, 100))
      // the gateway has them; the dispatcher records each as sent (and scrubs it) once the gateway's answer is back
      const unsent = () => s.db.prepare("SELECT COUNT(*) FROM sms_outbox WHERE state <> 'sent'").pluck().get() as number
      for (let i = 0; unsent() > 0 && i < 50; i++) await new Promise((r) => setTimeout(r, 100))
      expect(gw.received.map((r) => [r.body.template, r.body.to])).toEqual([['sms-submitted', MOBILE], ['sms-lookup-code', MOBILE]])
      expect(gw.received[1].body.text).toMatch(/验证码\d{6}/)
      const recorded = s.db.prepare("SELECT payload_json FROM notification WHERE template = 'sms-lookup-code'").pluck().get() as string
      expect(recorded).not.toMatch(/\d{6}，/)
      expect(recorded).toContain('验证码******')
      expect(s.db.prepare('SELECT text FROM sms_outbox').pluck().all().join()).not.toMatch(/验证码\d/)
    } finally {
      await s.close()
      await gw.close()
    }
  })

  it('should keep messages in the demo outbox page when no sender is configured', async () => {
    const s = await startInProcess()
    try {
      const li = await readyApplicant(s, DEMO.li)
      const answers = shopAnswers({ idCard: li.idCard, property: li.property })
      const { number } = await submit(li, await signedBody(li, await newDraft(li, answers), answers))
      await callApi('lookupCode', { body: { number, mobile: MOBILE } }, clientFor(s))
      const html = await (await fetch(`${s.url}/ykb/sms`)).text()
      expect(html).toContain(`验证码${latestLookupCode(s.db)}`)
      expect(html).toContain(number)
      expect(html).not.toContain(MOBILE)
    } finally {
      await s.close()
    }
  })
})
