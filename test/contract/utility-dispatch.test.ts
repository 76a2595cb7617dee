// The outbound seam to the utilities (水电气讯): our signed HTTP adapter, the durable outbox and the dispatcher,
// against the simulated utility endpoints over real HTTP on loopback.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import Fastify, { type FastifyInstance } from 'fastify'
import fc from 'fast-check'
import { openDb, type Db } from '../../mock/db/open'
import { ensureUtilityKeys } from '../../mock/utilities/keys'
import { httpUtilityPort } from '../../mock/utilities/http-adapter'
import { utilityConnections } from '../../mock/utilities/connections'
import { BACKOFF, dispatchesOf, enqueueDispatch, outboxBacklog, retryDelayMs } from '../../mock/utilities/outbox'
import { Dispatcher } from '../../mock/utilities/dispatcher'
import { utilitySimulator, type UtilitySimulator } from '../../mock/utilities/simulator'
import { dispatchedProviders, providerByCode, PROVIDERS } from '../../src/core/providers'
import { joinableServices } from '../../src/core/services'

const SEED = 20261205

describe('dispatch to the utilities', () => {
  let app: FastifyInstance
  let origin: string
  let sim: UtilitySimulator
  let db: Db
  let clock: Date
  const now = () => clock
  const advance = (ms: number) => { clock = new Date(clock.getTime() + ms) }

  beforeEach(async () => {
    clock = new Date()
    db = openDb(':memory:')
    sim = utilitySimulator({ now: () => new Date() })
    sim.provision(ensureUtilityKeys(db, clock))
    app = Fastify()
    await app.register(sim.plugin)
    await app.listen({ port: 0, host: '127.0.0.1' })
    origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  })
  afterEach(async () => { await app.close(); sim.close(); db.close() })

  const dispatcher = (timeoutMs?: number) =>
    new Dispatcher({ db, port: httpUtilityPort({ db, connections: utilityConnections('demo'), selfOrigin: () => origin, timeoutMs }), now, random: () => 0.5 })
  const queue = (provider: 'wz-water' | 'wz-gas' | 'wz-telecom', caseNumber = 'WZ20261205000001') =>
    enqueueDispatch(db, { provider, caseNumber, payload: { address: '万州区高笋塘街道某路1号' } }, clock)

  it('should configure a water, a gas and a telecom provider with labelled default figures', () => {
    expect(dispatchedProviders().map((p) => p.kind)).toEqual(['water', 'gas', 'telecom'])
    for (const p of dispatchedProviders()) expect(p.defaultsLabel).toMatch(/^默认值，以.+答复为准$/)
    for (const s of joinableServices()) {
      expect(providerByCode(s.provider)?.kind).toBe(s.utility)
      expect(s.totalLimitSource).toBe('default')
      expect(s.stages.every((st) => st.limitSource === 'default' && st.materials.length === 0)).toBe(true)
      expect(s.stages.reduce((sum, st) => sum + st.limitDays, 0)).toBe(s.totalLimitDays)
    }
    expect(new Set(PROVIDERS.map((p) => p.code)).size).toBe(PROVIDERS.length)
  })

  it('should deliver a signed case once and record the utility reference', async () => {
    const id = queue('wz-water')
    expect(await dispatcher().runOnce()).toBe(1)
    const [row] = dispatchesOf(db, 'WZ20261205000001')
    expect(row).toMatchObject({ dispatch_id: id, state: 'delivered', attempts: 1, last_status: 200 })
    expect(sim.received('wz-water')).toEqual([expect.objectContaining({ dispatchId: id, caseNumber: 'WZ20261205000001', utilityRef: row.utility_ref })])
    expect(outboxBacklog(db)).toEqual({ pending: 0, refused: 0 })
  })

  it('should be refused by the utility when signed with another key, and not retried', async () => {
    db.prepare("UPDATE utility_client SET secret = 'not-the-provisioned-secret' WHERE provider = 'wz-gas'").run()
    queue('wz-gas')
    await dispatcher().runOnce()
    expect(dispatchesOf(db, 'WZ20261205000001')[0]).toMatchObject({ state: 'refused', last_status: 401, last_error: 'HTTP 401：签名无效' })
    advance(BACKOFF.capMs * 2)
    expect(await dispatcher().runOnce()).toBe(0)
    expect(sim.received('wz-gas')).toEqual([])
  })

  it('should keep one case at the utility when the same dispatch is sent again (a crash before it was marked)', async () => {
    const port = httpUtilityPort({ db, connections: utilityConnections('demo'), selfOrigin: () => origin })
    const delivery = { provider: 'wz-telecom' as const, dispatchId: 'd-0001-crash-replay', caseNumber: 'WZ20261205000002', payload: {} }
    const first = await port.deliver(delivery)
    const second = await port.deliver(delivery)
    expect(first.outcome).toBe('acknowledged')
    expect(second).toEqual(first)
    expect(sim.received('wz-telecom')).toHaveLength(1)
  })

  it('should retry an outage on the backoff schedule and deliver exactly once after recovery', async () => {
    sim.setSwitches('wz-water', { outage: true })
    queue('wz-water')
    const d = dispatcher()
    const waits: number[] = []
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect(await d.runOnce()).toBe(1)
      const row = dispatchesOf(db, 'WZ20261205000001')[0]
      expect(row).toMatchObject({ state: 'pending', attempts: attempt, last_status: 503 })
      waits.push(new Date(row.next_attempt_at).getTime() - clock.getTime())
      expect(await d.runOnce()).toBe(0) // not due yet
      advance(waits[waits.length - 1])
    }
    // random() = 0.5: three quarters of base·2^(n−1)
    expect(waits).toEqual([1500, 3000, 6000, 12000])
    sim.setSwitches('wz-water', { outage: false })
    expect(await d.runOnce()).toBe(1)
    expect(dispatchesOf(db, 'WZ20261205000001')[0]).toMatchObject({ state: 'delivered', attempts: 5 })
    expect(sim.received('wz-water')).toHaveLength(1)
  })

  it('should let a utility that is down delay only its own part', async () => {
    sim.setSwitches('wz-water', { outage: true })
    queue('wz-water')
    queue('wz-gas')
    queue('wz-telecom')
    await dispatcher().runOnce()
    const states = Object.fromEntries(dispatchesOf(db, 'WZ20261205000001').map((r) => [r.provider, r.state]))
    expect(states).toEqual({ 'wz-water': 'pending', 'wz-gas': 'delivered', 'wz-telecom': 'delivered' })
  })

  it('should stop at a case the utility refuses (4xx) and show why', async () => {
    sim.setSwitches('wz-gas', { refuseAll: true })
    queue('wz-gas')
    await dispatcher().runOnce()
    expect(dispatchesOf(db, 'WZ20261205000001')[0]).toMatchObject({ state: 'refused', attempts: 1, last_status: 422, last_error: 'HTTP 422：申请信息不完整，不予接收' })
    expect(outboxBacklog(db)).toEqual({ pending: 0, refused: 1 })
  })

  it('should give up on a utility that does not answer within the timeout and try again later', async () => {
    const silent = http.createServer(() => { /* never answers */ })
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    origin = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`
    try {
      queue('wz-telecom')
      await dispatcher(200).runOnce()
      expect(dispatchesOf(db, 'WZ20261205000001')[0]).toMatchObject({ state: 'pending', attempts: 1, last_status: null, last_error: '超过200毫秒未响应' })
    } finally {
      silent.closeAllConnections()
      await new Promise((resolve) => silent.close(resolve))
    }
  })

  it('should keep every retry delay within half and all of its capped exponential ceiling (fast-check, fixed seed)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 40 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, r) => {
      const ceiling = Math.min(BACKOFF.capMs, BACKOFF.baseMs * 2 ** (attempt - 1))
      const wait = retryDelayMs(attempt, () => r)
      return wait >= ceiling / 2 && wait <= ceiling
    }), { seed: SEED, numRuns: 500 })
  })
})
