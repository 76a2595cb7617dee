// The 小微企业名录 seam as the server runs it: the registry configured (SME_REGISTRY_*), or in the demo the simulated
// registry on this server's own origin (its own store beside ours, our demo key handed to it), and the worker that
// asks about the owed checks every few seconds. A deployment without one owes the checks and keeps them: staff see
// 待核验 with the reason, and once a registry is configured the worker works through them.
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { SmeRegistrySettings } from '../config'
import type { Db } from '../db/open'
import { httpSmeRegistry } from './http-adapter'
import type { SmeRegistryPort } from './port'
import { smeRegistrySimulator, SME_SIM_API, type SmeRegistrySimulator, type SmeSimSwitches } from './simulator'
import { NOT_CONNECTED, type SmeReach } from './view'
import { SmallMicroWorker } from './worker'

/** The demo's own key at its simulated registry: fixed, so a demo database keeps working across restarts. */
export const DEMO_SME_APP = { appKey: 'wanzhou-bandian-sme-demo', secret: 'demo-sme-secret-not-for-production-0123456789ab' }
export const SME_TIMEOUT_MS = 3000

export interface SmeWiringOptions {
  db: Db
  dbFile: string
  demo: boolean
  settings?: SmeRegistrySettings
  now: () => Date
  /** this server's own address: the demo's simulated registry lives there */
  selfOrigin: () => string
  /** the simulated registry's switches at start (tests) */
  simulator?: Partial<SmeSimSwitches>
  /** how often the worker asks about due checks; null: never by itself (tests call runOnce) */
  everyMs?: number | null
  timeoutMs?: number
}

export interface SmeWiring {
  reach: SmeReach
  /** the one way to the registry (null when none is configured) */
  port: SmeRegistryPort | null
  worker: SmallMicroWorker | null
  simulator: SmeRegistrySimulator | null
}

export async function startSmeRegistry(app: FastifyInstance, o: SmeWiringOptions): Promise<SmeWiring> {
  let simulator: SmeRegistrySimulator | null = null
  let settings = o.settings
  if (!settings && o.demo) {
    const dbFile = o.dbFile === ':memory:' ? ':memory:' : path.join(path.dirname(o.dbFile), 'sme-registry-simulator.db')
    simulator = smeRegistrySimulator({ dbFile, now: o.now, switches: o.simulator })
    simulator.provision(DEMO_SME_APP)
    await app.register(simulator.plugin)
    const sim = simulator
    app.addHook('onClose', async () => sim.close())
    settings = { baseUrl: SME_SIM_API, ...DEMO_SME_APP }
  }
  if (!settings) {
    app.log.warn('小微企业认定: no national registry configured (SME_REGISTRY_URL); checks are owed and shown as 待核验')
    return { reach: NOT_CONNECTED, port: null, worker: null, simulator }
  }
  const { baseUrl, appKey, secret } = settings
  const port = httpSmeRegistry({ baseUrl: () => new URL(baseUrl, o.selfOrigin()).href, appKey, secret, timeoutMs: o.timeoutMs ?? SME_TIMEOUT_MS, now: o.now })
  const worker = new SmallMicroWorker({
    db: o.db, port, now: o.now,
    log: (r) => { if (r.outcome === 'unavailable') app.log.warn(r, '小微企业认定 lookup failed; tried again later') },
  })
  const everyMs = o.everyMs === undefined ? 5000 : o.everyMs
  if (everyMs !== null) app.addHook('onReady', async () => worker.start(everyMs))
  app.addHook('onClose', async () => worker.stop())
  return { reach: { connected: true }, port, worker, simulator }
}
