// The national 小微企业名录 behind its port: the signed HTTP adapter against the simulated registry's own contract
// (served here by a Fastify of its own, as a real registry would be elsewhere), the simulator refusing what is not
// ours, the settings (whole or none), and a deployment without a registry (checks owed, 待核验 with the reason).
import fc from 'fast-check'
import Fastify, { type FastifyInstance } from 'fastify'
import type { AddressInfo } from 'node:net'
import { ConfigError, configFromEnv } from '../../mock/config'
import { signedHeaders } from '../../mock/push/signing'
import { httpSmeRegistry } from '../../mock/sme-registry/http-adapter'
import { FAULTY_CREDIT_CODE } from '../../mock/sme-registry/sim-data'
import { SME_SIM_SWITCHES_PATH } from '../../mock/sme-registry/sim-controls'
import { smeRegistrySimulator, SME_SIM_API, type SmeRegistrySimulator } from '../../mock/sme-registry/simulator'
import { DEMO_SME_APP, startSmeRegistry } from '../../mock/sme-registry/wiring'
import { NOT_CONNECTED } from '../../mock/sme-registry/view'
import { openDb } from '../../mock/db/open'
import { RUNS, SEED } from './support/fuzz-run'
import { startInProcess, type InProcess } from './support/in-process'
import { encode, hostileUrlString, rawSegment } from './support/fuzz-values'

const KEY = { appKey: 'wanzhou-at-sme', secret: 's'.repeat(64) }
let sim: SmeRegistrySimulator
let app: FastifyInstance
let base: string
beforeAll(async () => {
  sim = smeRegistrySimulator()
  sim.provision(KEY)
  app = Fastify()
  await app.register(sim.plugin)
  await app.listen({ port: 0, host: '127.0.0.1' })
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
})
afterAll(async () => { await app.close(); sim.close() })
afterEach(() => { sim.setSwitches({ outage: false, delayMs: 0, failureRate: 0 }) })

const registry = (o: { secret?: string; timeoutMs?: number } = {}) => httpSmeRegistry({
  baseUrl: () => `${base}${SME_SIM_API}`, appKey: KEY.appKey, secret: o.secret ?? KEY.secret, timeoutMs: o.timeoutMs ?? 2000, sleep: async () => undefined,
})

describe('the HTTP adapter against the simulated registry', () => {
  it('should read 小型, 微型 and 非小微 with the registry\'s basis and record date, and 未查到 for a code it does not know', async () => {
    const r = registry()
    expect(await r.lookup('91500101MA5UMY0L1K')).toEqual({ outcome: 'found', record: {
      creditCode: '91500101MA5UMY0L1K', scale: 'small', isSmallMicro: true, recordedOn: '2026-11-23', source: '国家企业信用信息公示系统·小微企业名录',
      basis: '《中小企业划型标准规定》（工信部联企业〔2011〕300号），按批发业的从业人员和营业收入指标划型为小型企业，已纳入小微企业名录',
    } })
    expect(await r.lookup('92500101MA5UWF3C7M')).toMatchObject({ outcome: 'found', record: { scale: 'micro', isSmallMicro: true } })
    expect(await r.lookup('91350100M000100Y44')).toMatchObject({ outcome: 'found', record: { scale: 'none', isSmallMicro: false } })
    expect(await r.lookup('11100000000013127D')).toEqual({ outcome: 'not-found', source: '国家企业信用信息公示系统·小微企业名录' })
  })

  it('should call every failure unavailable with a reason staff can read, retrying a 5xx at most twice', async () => {
    expect(await registry().lookup(FAULTY_CREDIT_CODE)).toEqual({ outcome: 'unavailable', reason: '国家小微企业名录暂不可用（HTTP 503：该企业的划型数据正在更新，请稍后查询）' })
    expect(sim.asked(FAULTY_CREDIT_CODE)).toBe(3)
    sim.setSwitches({ failureRate: 1 })
    expect(await registry().lookup('91500101MA5UMY0L1K')).toEqual({ outcome: 'unavailable', reason: '国家小微企业名录暂不可用（HTTP 500：系统繁忙）' })
    sim.setSwitches({ failureRate: 0, delayMs: 400 })
    expect(await registry({ timeoutMs: 100 }).lookup('91500101MA5UMY0L1K')).toEqual({ outcome: 'unavailable', reason: '国家小微企业名录超过100毫秒未响应' })
    sim.setSwitches({ delayMs: 0 })
    expect(await registry({ secret: 'w'.repeat(64) }).lookup('91500101MA5UMY0L1K')).toEqual({
      outcome: 'unavailable', reason: '国家小微企业名录拒绝了本系统的签名（BAD_SIGNATURE），请检查 SME_REGISTRY_APP_KEY、SME_REGISTRY_SECRET 和服务器时间',
    })
    const nobody = httpSmeRegistry({ baseUrl: () => 'http://127.0.0.1:9/api', appKey: KEY.appKey, secret: KEY.secret, timeoutMs: 500, sleep: async () => undefined })
    expect(await nobody.lookup('91500101MA5UMY0L1K')).toEqual({ outcome: 'unavailable', reason: '无法连接国家小微企业名录（已尝试3次）' })
  })
})

describe('the simulated registry\'s own checks', () => {
  const path = `${SME_SIM_API}/enterprises/91500101MA5UMY0L1K`
  const get = (headers: Record<string, string>) => fetch(`${base}${path}`, { headers }).then(async (r) => ({ status: r.status, code: ((await r.json()) as { code: string }).code }))

  it('should refuse an unsigned call, another secret, an old timestamp and a replay; answer a signed one', async () => {
    const before = sim.asked('91500101MA5UMY0L1K')
    expect(await get({})).toEqual({ status: 401, code: 'UNKNOWN_KEY' })
    expect(await get(signedHeaders({ ...KEY, secret: 'x'.repeat(64) }, '', new Date(), undefined, path, 'GET'))).toEqual({ status: 401, code: 'BAD_SIGNATURE' })
    expect(await get(signedHeaders(KEY, '', new Date(Date.now() - 10 * 60_000), undefined, path, 'GET'))).toEqual({ status: 401, code: 'CLOCK_SKEW' })
    const signed = signedHeaders(KEY, '', new Date(), undefined, path, 'GET')
    expect(await get(signed)).toEqual({ status: 200, code: '00' })
    expect(await get(signed)).toEqual({ status: 409, code: 'REPLAY' })
    // refused calls never reach the records
    expect(sim.asked('91500101MA5UMY0L1K')).toBe(before + 1)
  })

  it('should take its switches (outage, failure rate, slowness) and refuse anything else', async () => {
    const post = (body: string) => fetch(`${base}${SME_SIM_SWITCHES_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then((r) => r.status)
    expect(await post('{"outage":true}')).toBe(200)
    expect(sim.switches().outage).toBe(true)
    expect(await post('{"outage":"yes"}')).toBe(400)
    expect(await post('{"failureRate":2}')).toBe(400)
    expect(await post('{"other":1}')).toBe(400)
  })
})

describe('hostile lookups of the simulated registry as the demo serves it (fast-check, the fuzz test\'s seed)', () => {
  let demo: InProcess
  beforeAll(async () => { demo = await startInProcess() })
  afterAll(async () => { await demo.close() })

  it('should answer any credit code, signed or not, with its envelope and a 200, 400, 401, 404, 409 or 413 (a path too long for the server): never a 5xx', async () => {
    const cases = fc.record({ code: fc.oneof(hostileUrlString.filter((p) => !['', '.', '..'].includes(p)).map(encode), rawSegment), signed: fc.boolean() })
    await fc.assert(fc.asyncProperty(cases, async ({ code, signed }) => {
      const path = `${SME_SIM_API}/enterprises/${code}`
      const res = await fetch(`${demo.url}${path}`, { headers: signed ? signedHeaders(DEMO_SME_APP, '', new Date(), undefined, path, 'GET') : {} })
      const body = (await res.json().catch(() => null)) as { code?: unknown; msg?: unknown; data?: unknown } | null
      expect([200, 400, 401, 404, 409, 413]).toContain(res.status)
      // a dot segment (%2e%2e) leaves the route once the URL is normalised: that answer is the server's, not the registry's
      if (!new URL(`${demo.url}${path}`).pathname.startsWith(`${SME_SIM_API}/enterprises/`)) return
      expect(body !== null && typeof body.code === 'string' && typeof body.msg === 'string' && 'data' in body).toBe(true)
      expect(res.status === 200).toBe(body?.code === '00')
    }), { numRuns: RUNS, seed: SEED })
  })
})

describe('a deployment without a registry', () => {
  it('should read SME_REGISTRY_* whole or not at all', () => {
    const env = (vars: Record<string, string>): NodeJS.ProcessEnv => ({ TARO_ENV: 'h5', DATA_DIR: '/tmp/wz-config-test', ...vars })
    expect(configFromEnv(env({}), 'demo').smeRegistry).toBeUndefined()
    expect(configFromEnv(env({ SME_REGISTRY_URL: 'https://sme.example.gov.cn/api/v1/', SME_REGISTRY_APP_KEY: 'wanzhou', SME_REGISTRY_SECRET: 'k'.repeat(64) }), 'demo').smeRegistry)
      .toEqual({ baseUrl: 'https://sme.example.gov.cn/api/v1', appKey: 'wanzhou', secret: 'k'.repeat(64) })
    try {
      configFromEnv(env({ SME_REGISTRY_URL: 'https://sme.example.gov.cn/api/v1' }), 'demo')
      throw new Error('accepted')
    } catch (e) {
      expect((e as ConfigError).problems).toEqual([
        { setting: 'SME_REGISTRY_APP_KEY', message: '与 SME_REGISTRY_URL 一起设置（国家小微企业名录的地址、应用编号和密钥缺一不可）' },
        { setting: 'SME_REGISTRY_SECRET', message: '与 SME_REGISTRY_URL 一起设置（国家小微企业名录的地址、应用编号和密钥缺一不可）' },
      ])
    }
  })

  it('should mount no simulated registry in production and start no worker: staff are told why', async () => {
    const prod = Fastify({ logger: false })
    const db = openDb(':memory:')
    try {
      const wiring = await startSmeRegistry(prod, { db, dbFile: ':memory:', demo: false, now: () => new Date(), selfOrigin: () => 'http://127.0.0.1' })
      expect(wiring).toEqual({ reach: NOT_CONNECTED, port: null, worker: null, simulator: null })
      expect((await prod.inject({ method: 'GET', url: `${SME_SIM_API}/enterprises/91500101MA5UMY0L1K` })).statusCode).toBe(404)
    } finally {
      await prod.close()
      db.close()
    }
  })
})
