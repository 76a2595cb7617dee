import type { InProcess } from './support/in-process'
import { withServer } from './support/fixtures'
import { applyShop, countRows, eventRows, progressSuite, push, pushClient, rec, type Owner } from './support/progress-fixtures'
import { signedHeaders, pushSignature } from '../../mock/push/signing'

const suite = progressSuite()
const { clock } = suite
let s: InProcess
let li: Owner
beforeAll(() => { ({ s, li } = suite) })


/** Sends `raw` with the given headers, exactly as written. */
async function rawPush(headers: Record<string, string>, raw: string) {
  const res = await fetch(`${s.url}/api/push/case-records`, { method: 'POST', headers, body: raw })
  return { status: res.status, body: (await res.json()) as { code: string; data: unknown; errors?: { path: string; message: string }[] } }
}

describe('push: signature, clock and replay', () => {
  it('should store a record at the server time, keeping the enterprise times in the payload, when it is signed right', async () => {
    const number = await applyShop(li)
    const r = await push(s, clock, [rec(number, 'stage-finish', 'accept-sign', { opinion: '身份和物权已核验', endTime: Date.UTC(2026, 0, 6) })])
    expect([r.status, r.code]).toEqual([200, '00'])
    expect(r.data?.results).toEqual([{ recordId: expect.any(String), status: 'stored', eventId: expect.any(Number) }])
    const event = eventRows(s, number).at(-1)
    expect(event).toMatchObject({ type: 'stage-finished', stage: 'accept-sign', at: '2026-11-26T02:00:00.000Z', actor: 'push:sgcc-wanzhou-demo' })
    expect(JSON.parse(event?.payload_json ?? '{}')).toMatchObject({ handler: '王工', opinion: '身份和物权已核验', startTime: Date.UTC(2026, 0, 5), endTime: Date.UTC(2026, 0, 6) })
    const notice = s.db.prepare("SELECT kind, template, payload_json FROM notification WHERE application_number = ? AND template != 'sms-submitted'").get(number) as { kind: string; template: string; payload_json: string }
    expect(notice).toMatchObject({ kind: 'sms', template: 'sms-stage-finished' })
    expect(JSON.parse(notice.payload_json)).toEqual({ to: '138****8000', text: `您的用电申请${number}：受理签约环节已完成` })
  })

  it('should hash the raw bytes when the body has its own spacing and key order', async () => {
    const number = await applyShop(li)
    const raw = `{ "records": [ {"caseNumber":"${number}", "recordId":"raw-1-${number}", "action":"stage-finish", "stage":"accept-sign", "handler":"王工", "startTime": 1790000000000} ] }`
    const r = await rawPush(signedHeaders(pushClient(s), raw, clock.now()), raw)
    expect([r.status, r.body.code]).toEqual([200, '00'])
  })

  it.each([
    ['PUSH_CLOCK_SKEW', '5 min 1 s ahead of', 5 * 60_000 + 1000, 401],
    ['PUSH_CLOCK_SKEW', '5 min 1 s behind', -(5 * 60_000 + 1000), 401],
    ['00', '4 min 59 s behind', -(5 * 60_000 - 1000), 200],
  ])('should answer code %s when the timestamp is %s the server clock', async (code, _when, offset, status) => {
    const number = await applyShop(li)
    const raw = JSON.stringify({ records: [rec(number, 'stage-finish', 'accept-sign')] })
    const r = await rawPush(signedHeaders(pushClient(s), raw, new Date(clock.now().getTime() + offset)), raw)
    expect([r.body.code, r.status]).toEqual([code, status])
  })

  it('should answer PUSH_REPLAY and store nothing when a signed request is sent again with its nonce', async () => {
    const number = await applyShop(li)
    const raw = JSON.stringify({ records: [rec(number, 'stage-finish', 'accept-sign')] })
    const headers = signedHeaders(pushClient(s), raw, clock.now(), 'nonce-replay-0000001')
    expect((await rawPush(headers, raw)).body.code).toBe('00')
    const events = countRows(s, 'application_event')
    const again = await rawPush(headers, raw)
    expect([again.body.code, again.status]).toEqual(['PUSH_REPLAY', 409])
    expect(countRows(s, 'application_event')).toBe(events)
  })

  it('should answer PUSH_BAD_SIGNATURE, without spending the nonce, when the body was changed after signing or the secret is wrong', async () => {
    const number = await applyShop(li)
    const raw = JSON.stringify({ records: [rec(number, 'stage-finish', 'accept-sign')] })
    const headers = signedHeaders(pushClient(s), raw, clock.now(), 'nonce-badsig-0000001')
    const tampered = await rawPush(headers, raw.replace('王工', '李工'))
    expect([tampered.body.code, tampered.status]).toEqual(['PUSH_BAD_SIGNATURE', 401])
    const wrongSecret = { ...headers, 'x-signature': pushSignature('not-the-secret', headers['x-timestamp'], headers['x-nonce'], raw) }
    expect((await rawPush(wrongSecret, raw)).body.code).toBe('PUSH_BAD_SIGNATURE')
    expect((await rawPush(headers, raw)).body.code).toBe('00')
  })

  it('should answer PUSH_UNKNOWN_KEY when the app key is not a known client', async () => {
    const raw = JSON.stringify({ records: [rec('WZ20261126000001', 'stage-finish', 'accept-sign')] })
    const r = await rawPush(signedHeaders({ appKey: 'someone-else', secret: 'x'.repeat(64) }, raw, clock.now()), raw)
    expect([r.body.code, r.status]).toEqual(['PUSH_UNKNOWN_KEY', 401])
  })

  it('should answer VALIDATION_FAILED naming the header when the nonce is too short', async () => {
    const raw = JSON.stringify({ records: [rec('WZ20261126000001', 'stage-finish', 'accept-sign')] })
    const r = await rawPush(signedHeaders(pushClient(s), raw, clock.now(), 'short'), raw)
    expect(r.body.code).toBe('VALIDATION_FAILED')
    expect(r.body.errors?.[0].path).toBe('headers.x-nonce')
  })

  it('should answer NOT_FOUND when a supplier pushes a case of the other supplier', async () => {
    const number = await applyShop(li)
    const r = await push(s, clock, [rec(number, 'stage-finish', 'accept-sign')], { supplier: 'sanxia' })
    expect([r.code, r.status]).toEqual(['NOT_FOUND', 404])
  })

  it('should keep record ids per enterprise: another enterprise taking an id first cannot make this one\'s batch fail', async () => {
    const gw = await applyShop(li)
    const sx = await applyShop(li, '500101155')
    const taken = rec(sx, 'stage-finish', 'accept-sign')
    expect((await push(s, clock, [taken], { supplier: 'sanxia' })).data?.results[0].status).toBe('stored')
    const mine = await push(s, clock, [{ ...rec(gw, 'stage-finish', 'accept-sign'), recordId: taken.recordId }])
    expect([mine.status, mine.data?.results[0].status]).toEqual([200, 'stored'])
    const again = await push(s, clock, [{ ...rec(gw, 'stage-finish', 'accept-sign'), recordId: taken.recordId }])
    expect(again.data?.results[0]).toEqual({ recordId: taken.recordId, status: 'duplicate', eventId: mine.data?.results[0].eventId })
    expect(s.db.prepare('SELECT app_key FROM push_record WHERE record_id = ? ORDER BY app_key').pluck().all(taken.recordId)).toEqual(['sanxia-demo', 'sgcc-wanzhou-demo'])
  })

  it('should generate a random 64-hex secret per supplier when a new database starts', () =>
    withServer({}, async (t) => {
      expect(pushClient(t).secret).toMatch(/^[0-9a-f]{64}$/)
      expect(pushClient(t).secret).not.toBe(pushClient(s).secret)
      expect(pushClient(t, 'sanxia').appKey).toBe('sanxia-demo')
    }))
})
