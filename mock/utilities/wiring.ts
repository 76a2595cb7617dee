// The utilities seam as the server runs it: our key at each provider, the dispatcher that empties the outbox every
// second, and in the demo the simulated utilities on this server's own origin (their own store beside ours), which
// work each case and push its stages back. A deployment points each provider at its real intake endpoint.
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { Db } from '../db/open'
import { allPushClients } from '../push/clients'
import type { UtilityConnections } from './connections'
import { Dispatcher } from './dispatcher'
import { httpUtilityPort } from './http-adapter'
import { ensureUtilityKeys, type UtilityKey } from './keys'
import { utilitySimulator, type SimulatorSwitches, type UtilitySimulator } from './simulator'

export interface UtilityWiringOptions {
  db: Db
  dbFile: string
  demo: boolean
  /** where each utility takes its cases (UTILITY_ENDPOINTS over the demo's simulators) */
  connections: UtilityConnections
  /** our configured keys at the utilities (UTILITY_KEYS) */
  keys?: UtilityKey[]
  now: () => Date
  /** this server's own address (not the public origin): the demo's simulators and our push route live there */
  selfOrigin: () => string
  /** the switches every simulated utility starts with (tests); the demo works a case one step every 20 s */
  simulator?: Partial<SimulatorSwitches>
  dispatchEveryMs?: number
}

export interface UtilityWiring {
  dispatcher: Dispatcher
  simulator: UtilitySimulator | null
}

const DEMO_STEP_MS = 20_000

export async function startUtilities(app: FastifyInstance, o: UtilityWiringOptions): Promise<UtilityWiring> {
  const keys = ensureUtilityKeys(o.db, o.now(), o.keys, o.demo)
  let simulator: UtilitySimulator | null = null
  if (o.demo) {
    const dbFile = o.dbFile === ':memory:' ? ':memory:' : path.join(path.dirname(o.dbFile), 'utility-simulator.db')
    simulator = utilitySimulator({ dbFile, now: o.now, pushOrigin: o.selfOrigin, defaults: { autoAdvanceMs: DEMO_STEP_MS, ...o.simulator } })
    // handed out of band, as a real utility would be given them
    simulator.provision(keys)
    simulator.provisionPush(allPushClients(o.db))
    await app.register(simulator.plugin)
    const sim = simulator
    const timer = setInterval(() => void sim.advanceDue().catch((err: unknown) => app.log.warn({ err }, 'simulated utility push failed')), 1000).unref()
    app.addHook('onClose', async () => { clearInterval(timer); sim.close() })
  }
  const dispatcher = new Dispatcher({
    db: o.db, port: httpUtilityPort({ db: o.db, connections: o.connections, selfOrigin: o.selfOrigin, now: o.now }), now: o.now,
    log: (r) => { if (r.outcome !== 'acknowledged') app.log.warn(r, 'utility dispatch not acknowledged') },
  })
  app.addHook('onReady', async () => dispatcher.start(o.dispatchEveryMs ?? 1000))
  app.addHook('onClose', async () => dispatcher.stop())
  return { dispatcher, simulator }
}
