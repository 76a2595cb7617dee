// 渝快办 at arm's length: every call of the gateway (mock/ykb-gateway) against the simulator over signed HTTP, and
// what the applicant gets when 渝快办 is slow, failing or refusing our signature: YKB_UNAVAILABLE in Chinese,
// nothing written, retries only for idempotent calls, a circuit that opens and half-opens (/healthz says which).
import { DEMO_YKB_APP } from '../../mock/config'
import { signedHeaders } from '../../mock/push/signing'
import { httpYkbGateway } from '../../mock/ykb-gateway/http-gateway'
import { CircuitBreaker } from '../../mock/ykb-gateway/circuit'
import { YkbRefusal, YkbUnavailable, type YkbGateway } from '../../mock/ykb-gateway/port'
import { issueCode } from '../../mock/ykb/oauth-code'
import { SIM_API_PREFIX } from '../../mock/ykb/sim-api'
import { licencesOf } from '../../mock/ykb/sim-licences'
import { decideTxn, showCodeFor } from '../../mock/ykb/sim-show'
import { simIdentity } from '../../mock/ykb/sim-store'
import { SIM_SWITCHES_PATH } from '../../mock/ykb/simulator'
import { LICENCE_TYPES } from '../../mock/seed/demo-data'
import { ERRORS } from '../../src/contract/errors'
import { callApi } from '../../src/lib/http/client'
import { DEMO, failure, makeClock, withServer } from './support/fixtures'
import { startInProcess, type InProcess } from './support/in-process'
import { applicant, holderCode } from './support/licence-fixtures'

const UNAVAILABLE = ERRORS.YKB_UNAVAILABLE.msg

/** A gateway of the test's own (own circuit, no waiting between retries) pointed at a server's simulator. */
function gatewayFor(s: InProcess, o: { timeoutMs?: number; threshold?: number } = {}): YkbGateway {
  return httpYkbGateway({
    baseUrl: () => `${s.url}${SIM_API_PREFIX}`, ...DEMO_YKB_APP, timeoutMs: o.timeoutMs ?? 2000,
    sleep: async () => {}, circuit: new CircuitBreaker({ threshold: o.threshold ?? 100, openMs: 30_000 }),
  })
}

/** How many requests to paths containing `part` reach the simulator while `fn` runs. */
async function requestsDuring(s: InProcess, part: string, fn: () => Promise<unknown>): Promise<number> {
  const before = s.ykbSim!.requests.length
  await fn().catch(() => undefined)
  return s.ykbSim!.requests.slice(before).filter((r) => r.includes(part)).length
}

const setSwitches = async (s: InProcess, patch: Record<string, unknown>) => {
  const res = await fetch(`${s.url}${SIM_SWITCHES_PATH}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(patch) })
  return { status: res.status, body: await res.json() as Record<string, unknown> }
}
const health = async (s: InProcess) => (await (await fetch(`${s.url}/healthz`)).json()) as { ykb: { circuit: string } }
const fetchAuthorised = (a: ReturnType<typeof applicant>) => callApi('licencesAuthorised', { body: { kinds: ['id-card'], useCause: '办理用电报装' } }, a.client)
const materialsOf = (s: InProcess, userId: string) => (s.db.prepare('SELECT COUNT(*) AS n FROM material WHERE owner_id = ?').get(userId) as { n: number }).n

let s: InProcess
beforeAll(async () => { s = await startInProcess() })
afterAll(async () => { await s.close() })
afterEach(async () => { await setSwitches(s, { delayMs: 0, failureRate: 0, badSignature: false }) })

describe('the 渝快办 gateway against the simulator', () => {
  it('should sign in: a one-time code for a grant (once only), the grant for the real-name identity', async () => {
    const ykb = gatewayFor(s)
    const code = issueCode(s.ykbSim!.db, DEMO.li, ['base', 'user', 'mobile'], new Date())
    const grant = await ykb.exchangeCode(code)
    expect(grant).toMatchObject({ userId: DEMO.li, accessToken: expect.any(String) })
    expect(await ykb.person(grant.accessToken)).toEqual({ userId: DEMO.li, name: '李明远', idNumber: simIdentity(s.ykbSim!.db, DEMO.li)?.id_number, mobile: '13800138000' })
    await expect(ykb.exchangeCode(code)).rejects.toMatchObject({ name: 'YkbRefusal', code: 'CODE_INVALID' })
    await expect(ykb.person('not-a-token')).rejects.toMatchObject({ name: 'YkbRefusal', code: 'TOKEN_INVALID' })
  })

  it('should query the holder\'s own catalogue with the grant and a 用证事由, download the file, and refuse another holder', async () => {
    const ykb = gatewayFor(s)
    const { accessToken } = s.ykbSim!.grantFor(DEMO.li, DEMO_YKB_APP.appKey)
    const li = simIdentity(s.ykbSim!.db, DEMO.li)!
    const found = await ykb.licencesOfHolder({ accessToken, holderIdNumber: li.id_number, typeCodes: [LICENCE_TYPES.idCard.code, LICENCE_TYPES.property.code], useCause: '办理用电报装' })
    expect(found.map((l) => [l.typeCode, l.holderName, l.status])).toEqual([[LICENCE_TYPES.idCard.code, '李明远', 'current'], [LICENCE_TYPES.property.code, '李明远', 'current']])
    const file = await ykb.licenceFile({ accessToken, identifier: found[0].identifier })
    expect([file.mime, file.bytes.subarray(0, 5).toString('latin1')]).toEqual(['application/pdf', '%PDF-'])
    const wang = simIdentity(s.ykbSim!.db, DEMO.wang)!
    await expect(ykb.licencesOfHolder({ accessToken, holderIdNumber: wang.id_number, typeCodes: [LICENCE_TYPES.idCard.code], useCause: '办理用电报装' }))
      .rejects.toMatchObject({ code: 'NOT_HOLDER', status: 403 })
    const log = s.ykbSim!.db.prepare("SELECT use_cause FROM use_log WHERE channel = 'authorised' AND identifier = ?").all(found[0].identifier)
    expect(log).toContainEqual({ use_cause: '办理用电报装' })
  })

  it('should find a property certificate by its paper QR, and answer null for an unknown one', async () => {
    const ykb = gatewayFor(s)
    const cert = licencesOf(s.ykbSim!.db, simIdentity(s.ykbSim!.db, DEMO.li)!.id_number, LICENCE_TYPES.property.code)[0]
    const unitNo = (JSON.parse(cert.face_json) as { unitNo: string }).unitNo
    expect(await ykb.licenceByCertificate({ unitNo, certNo: cert.licence_number, useCause: '用电报装' })).toMatchObject({ identifier: cert.identifier, holderName: '李明远' })
    expect(await ykb.licenceByCertificate({ unitNo, certNo: '渝(2020)万州区不动产权第0000000号', useCause: '用电报装' })).toBeNull()
  })

  it('should run a 亮证 request: create from the shown code, poll while waiting, fetch the licence once approved', async () => {
    const ykb = gatewayFor(s)
    const code = showCodeFor(s.ykbSim!.db, { identityId: DEMO.wang, kind: 'id-card', ttlSeconds: 300, now: new Date() })
    const txn = await ykb.createShowTxn({ showCode: code.content, useCause: '用电报装', requester: '李*（渝快办实名用户）' })
    expect(txn).toMatchObject({ kind: 'id-card', status: 'waiting' })
    await expect(ykb.showTxnLicence(txn.txnId)).rejects.toMatchObject({ code: 'NOT_APPROVED' })
    expect(decideTxn(s.ykbSim!.db, txn.txnId, 'approve', new Date())).toBe(true)
    expect((await ykb.pollShowTxn(txn.txnId)).status).toBe('approved')
    expect(await ykb.showTxnLicence(txn.txnId)).toMatchObject({ typeCode: LICENCE_TYPES.idCard.code, holderName: '王芳' })
    await expect(ykb.createShowTxn({ showCode: 'YKBLZ1:id-card:AAAAAAAAAAAAAAAAAAAAAAAA', useCause: '用电报装', requester: 'x' }))
      .rejects.toBeInstanceOf(YkbRefusal)
  })

  it('should serve its own OpenAPI document naming every path the gateway calls', async () => {
    const doc = await (await fetch(`${s.url}/ykb/open/openapi.json`)).json() as { paths: Record<string, unknown> }
    expect(Object.keys(doc.paths).sort()).toEqual(['/licences/by-certificate', '/licences/query', '/licences/{identifier}/file', '/market/registrations/{creditCode}', '/oauth/token',
      '/show-txns', '/show-txns/{txnId}', '/show-txns/{txnId}/licence', '/user/identity'])
  })
})

describe('the market registration (主动服务)', () => {
  it('should find a registered business by its credit code, and answer null for one it does not know', async () => {
    const ykb = gatewayFor(s)
    expect(await ykb.marketRegistration('91500101MA5UMY0L1K')).toMatchObject({ name: '重庆万州明远商贸有限公司', representativeUserId: 'ykb-demo-li' })
    expect(await ykb.marketRegistration('91350100M000100Y43')).toBeNull()
  })
})

describe('signatures', () => {
  const path = `${SIM_API_PREFIX}/licences/by-certificate`
  const body = JSON.stringify({ unitNo: 'x', certNo: 'y', useCause: '用电报装' })
  const send = (headers: Record<string, string>, raw = body) => fetch(`${s.url}${path}`, { method: 'POST', headers, body: raw })
    .then(async (r) => [r.status, ((await r.json()) as { code: string }).code])

  it('should refuse a request signed with the wrong secret, an altered body, an unknown key, and a replayed nonce', async () => {
    expect(await send(signedHeaders({ ...DEMO_YKB_APP, secret: 'x'.repeat(48) }, body, new Date(), undefined, path))).toEqual([401, 'SIGNATURE_INVALID'])
    expect(await send(signedHeaders(DEMO_YKB_APP, body, new Date(), undefined, path), body.replace('x', 'z'))).toEqual([401, 'SIGNATURE_INVALID'])
    expect(await send(signedHeaders({ appKey: 'someone-else', secret: DEMO_YKB_APP.secret }, body, new Date(), undefined, path))).toEqual([401, 'APP_UNKNOWN'])
    expect(await send(signedHeaders(DEMO_YKB_APP, body, new Date(Date.now() - 10 * 60_000), undefined, path))).toEqual([401, 'TIMESTAMP_INVALID'])
    const signed = signedHeaders(DEMO_YKB_APP, body, new Date(), undefined, path)
    expect(await send(signed)).toEqual([404, 'LICENCE_NOT_FOUND'])
    expect(await send(signed)).toEqual([401, 'NONCE_REPLAYED'])
  })

  it('should tell the applicant 渝快办 cannot be used now when it refuses our signature (switch), and write nothing', async () => {
    const a = applicant(s, { identity: DEMO.li })
    await setSwitches(s, { badSignature: true })
    const e = await failure(fetchAuthorised(a))
    expect([e.status, e.code, e.message]).toEqual([503, 'YKB_UNAVAILABLE', UNAVAILABLE])
    expect(materialsOf(s, a.userId)).toBe(0)
    await setSwitches(s, { badSignature: false })
    expect((await fetchAuthorised(a)).licences).toHaveLength(1)
  })
})

describe('a slow or failing 渝快办', () => {
  it('should time out a slow 渝快办 with YKB_UNAVAILABLE in Chinese, try a timed-out call only once, write nothing, and work once it recovers', async () => {
    await withServer({ ykb: { ...DEMO_YKB_APP, authorizeUrl: '/ykb/authorize', timeoutMs: 300 }, ykbSim: { delayMs: 1500 } }, async (slow) => {
      const a = applicant(slow, { identity: DEMO.li })
      let e: Awaited<ReturnType<typeof failure>> | undefined
      expect(await requestsDuring(slow, '/licences/query', async () => { e = await failure(fetchAuthorised(a)) })).toBe(1)
      expect([e?.status, e?.code, e?.message]).toEqual([503, 'YKB_UNAVAILABLE', '渝快办暂时无法访问，请稍后重试，或改用拍照上传'])
      expect(materialsOf(slow, a.userId)).toBe(0)
      await setSwitches(slow, { delayMs: 0 })
      expect((await fetchAuthorised(a)).licences).toEqual([expect.objectContaining({ kind: 'id-card', holderNameMasked: '李**' })])
      expect(materialsOf(slow, a.userId)).toBe(1)
    })
  })

  it('should retry reads after a 5xx (at most twice) but never a call that spends a code or creates a request', async () => {
    const ykb = gatewayFor(s)
    const { accessToken } = s.ykbSim!.grantFor(DEMO.li, DEMO_YKB_APP.appKey)
    const code = issueCode(s.ykbSim!.db, DEMO.li, ['base', 'user'], new Date())
    const shown = await holderCode(s, DEMO.li, 'id-card')
    await setSwitches(s, { failureRate: 1 })
    expect(await requestsDuring(s, '/user/identity', () => ykb.person(accessToken))).toBe(3)
    expect(await requestsDuring(s, '/licences/query', () => ykb.licencesOfHolder({ accessToken, holderIdNumber: '1', typeCodes: ['x'], useCause: '用电报装' }))).toBe(3)
    expect(await requestsDuring(s, '/oauth/token', () => ykb.exchangeCode(code))).toBe(1)
    expect(await requestsDuring(s, '/show-txns', () => ykb.createShowTxn({ showCode: shown, useCause: '用电报装', requester: 'x' }))).toBe(1)
    await expect(ykb.person(accessToken)).rejects.toMatchObject({ name: 'YkbUnavailable', reason: 'server-error' })
    // the code was never spent: once 渝快办 recovers it still works
    await setSwitches(s, { failureRate: 0 })
    expect((await ykb.exchangeCode(code)).userId).toBe(DEMO.li)
  })

  it('should say so at sign-in when 渝快办 fails, with what to do instead', async () => {
    const code = issueCode(s.ykbSim!.db, DEMO.wang, ['base', 'user'], new Date())
    await setSwitches(s, { failureRate: 1 })
    const e = await failure(callApi('loginYkb', { body: { code } }, s.client))
    expect([e.status, e.code, e.message]).toEqual([503, 'YKB_UNAVAILABLE', '渝快办暂时无法访问，请稍后重试，或先使用微信登录'])
  })

  it('should keep a 亮证 request waiting, saying 渝快办 is being retried, while 渝快办 fails; then complete it', async () => {
    const a = applicant(s)
    const begun = await callApi('scanBegin', { body: { qr: await holderCode(s, DEMO.wang, 'id-card'), expect: 'id-card' } }, a.client)
    await setSwitches(s, { failureRate: 1 })
    expect(await callApi('scanStatus', { params: { txnId: begun.txnId } }, a.client)).toEqual({ txnId: begun.txnId, status: 1, material: null, message: '渝快办暂时无法访问，正在重试；也可以改用拍照上传' })
    await setSwitches(s, { failureRate: 0 })
    const ykbTxn = (s.db.prepare('SELECT ykb_txn_id FROM scan_txn WHERE id = ?').get(begun.txnId) as { ykb_txn_id: string }).ykb_txn_id
    decideTxn(s.ykbSim!.db, ykbTxn, 'approve', new Date())
    expect(await callApi('scanStatus', { params: { txnId: begun.txnId } }, a.client)).toMatchObject({ status: 2, material: { kind: 'id-card', source: 'scanned' } })
  })

  it('should open the circuit after 5 failures in a row (then refuse at once, calling nobody), half-open 30 s later, and close on a good trial', async () => {
    const clock = makeClock('2026-11-16T02:00:00Z')
    await withServer({ now: clock.now, ykbSim: { failureRate: 1 } }, async (down) => {
      const a = applicant(down, { identity: DEMO.li })
      expect((await health(down)).ykb.circuit).toBe('closed')
      for (let i = 0; i < 5; i++) expect((await failure(fetchAuthorised(a))).code).toBe('YKB_UNAVAILABLE')
      expect((await health(down)).ykb.circuit).toBe('open')
      let e: Awaited<ReturnType<typeof failure>> | undefined
      expect(await requestsDuring(down, SIM_API_PREFIX, async () => { e = await failure(fetchAuthorised(a)) })).toBe(0)
      expect([e?.status, e?.code, e?.message]).toEqual([503, 'YKB_UNAVAILABLE', UNAVAILABLE])

      clock.advance(30_000)
      expect((await health(down)).ykb.circuit).toBe('half-open')
      // a failed trial opens it again at once
      expect(await requestsDuring(down, '/licences/query', () => fetchAuthorised(a))).toBe(3)
      expect((await health(down)).ykb.circuit).toBe('open')

      clock.advance(30_000)
      await setSwitches(down, { failureRate: 0 })
      expect((await fetchAuthorised(a)).licences).toHaveLength(1)
      expect((await health(down)).ykb.circuit).toBe('closed')
    })
  })
})

describe('the circuit breaker', () => {
  it('should let exactly one trial call through while half-open, and count failures only in a row', () => {
    let t = 0
    const c = new CircuitBreaker({ threshold: 3, openMs: 1000, now: () => t })
    c.failure(); c.failure(); c.success(); c.failure(); c.failure()
    expect(c.snapshot()).toEqual({ state: 'closed', consecutiveFailures: 2 })
    c.failure()
    expect([c.state(), c.allow()]).toEqual(['open', false])
    t = 999
    expect(c.allow()).toBe(false)
    t = 1000
    expect([c.state(), c.allow(), c.allow()]).toEqual(['half-open', true, false])
    c.failure()
    expect([c.state(), c.allow()]).toEqual(['open', false])
    t = 2000
    expect(c.allow()).toBe(true)
    c.success()
    expect([c.state(), c.allow(), c.allow()]).toEqual(['closed', true, true])
  })
})

describe('production: 渝快办 from the configuration', () => {
  it('should sign applicants in through the 渝快办 at YKB_BASE_URL with the configured key, and refuse to reach it with a wrong secret', async () => {
    const secret = 'p'.repeat(64)
    s.ykbSim!.provision({ appKey: 'wanzhou-prod', secret })
    const production = (appSecret: string) => startInProcess({
      mode: 'production', smsSender: { kind: 'http', send: async () => ({ outcome: 'sent' as const }) },
      ykb: { baseUrl: `${s.url}${SIM_API_PREFIX}`, authorizeUrl: `${s.url}/ykb/authorize`, appKey: 'wanzhou-prod', secret: appSecret, timeoutMs: 2000 },
    })
    const prod = await production(secret)
    try {
      expect(prod.ykbSim).toBeUndefined()
      const login = await callApi('loginYkb', { body: { code: issueCode(s.ykbSim!.db, DEMO.zhao, ['base', 'user'], new Date()) } }, prod.client)
      expect(login.me).toMatchObject({ via: 'ykb', identity: { nameMasked: '赵*' } })
      expect(s.ykbSim!.requests.slice(-2)).toEqual([`POST ${SIM_API_PREFIX}/oauth/token`, `GET ${SIM_API_PREFIX}/user/identity`])
    } finally {
      await prod.close()
    }
    const wrong = await production('w'.repeat(64))
    try {
      const e = await failure(callApi('loginYkb', { body: { code: issueCode(s.ykbSim!.db, DEMO.zhao, ['base', 'user'], new Date()) } }, wrong.client))
      expect([e.status, e.code]).toEqual([503, 'YKB_UNAVAILABLE'])
    } finally {
      await wrong.close()
    }
  })
})

describe('the simulator\'s switches', () => {
  it('should take only known switches with sensible values', async () => {
    for (const bad of [{ delayMs: -1 }, { failureRate: 2 }, { badSignature: 'yes' }, { other: 1 }]) expect((await setSwitches(s, bad)).status).toBe(400)
    expect(await setSwitches(s, { delayMs: 10 })).toEqual({ status: 200, body: { delayMs: 10, failureRate: 0, badSignature: false } })
  })

  it('should fail unavailable, not crash, when 渝快办 cannot be reached at all', async () => {
    const nowhere = httpYkbGateway({ baseUrl: () => 'http://127.0.0.1:9/api', ...DEMO_YKB_APP, timeoutMs: 500, sleep: async () => {} })
    await expect(nowhere.person('t')).rejects.toBeInstanceOf(YkbUnavailable)
    await expect(nowhere.person('t')).rejects.toMatchObject({ reason: 'network' })
  })
})
