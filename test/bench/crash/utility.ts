// The water, gas and telecom utilities of the crash test: the product's own utility simulator, run in the bench
// process (outside the server that is killed), reached over HTTP at the addresses the server is configured with
// (UTILITY_ENDPOINTS, UTILITY_KEYS). Each answer is held back a little after the case is stored, so a kill often
// lands between the utility keeping a case and our server recording that it was delivered.
import Fastify, { type FastifyInstance } from 'fastify'
import type { AddressInfo } from 'node:net'
import { dispatchedProviders } from '../../../src/core/providers'
import type { UtilityKey } from '../../../mock/utilities/keys'
import { utilitySimulator, type UtilitySimulator } from '../../../mock/utilities/simulator'
import type { Rand } from './rand'

export interface UtilityCase {
  provider: string
  dispatchId: string
  caseNumber: string
}

/** how long the utility holds its answer after storing a case, ms */
const ANSWER_DELAY_MS = { min: 0, max: 150 }

export class CrashUtilities {
  private constructor(private readonly sim: UtilitySimulator, private readonly app: FastifyInstance, readonly origin: string,
    private readonly keys: UtilityKey[], private readonly counts: { posts: number; inFlight: number }) {}

  /** deliveries received, repeats included */
  get posts(): number { return this.counts.posts }
  /** deliveries being answered now */
  get inFlight(): number { return this.counts.inFlight }

  static async start(rand: Rand): Promise<CrashUtilities> {
    const keys: UtilityKey[] = dispatchedProviders().map((p) => ({ provider: p.code, appKey: `crash-${p.code}`, secret: `${p.code}-crash-secret-`.padEnd(48, 'x') }))
    const sim = utilitySimulator({ dbFile: ':memory:', defaults: { autoAdvanceMs: null } })
    sim.provision(keys)
    const app = Fastify()
    const counts = { posts: 0, inFlight: 0 }
    app.addHook('onRequest', async () => { counts.posts++; counts.inFlight++ })
    app.addHook('onSend', async (_req, _reply, payload) => {
      await new Promise((r) => setTimeout(r, rand.int(ANSWER_DELAY_MS.min, ANSWER_DELAY_MS.max)))
      return payload
    })
    app.addHook('onResponse', async () => { counts.inFlight-- })
    await app.register(sim.plugin)
    await app.listen({ port: 0, host: '127.0.0.1' })
    return new CrashUtilities(sim, app, `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, keys, counts)
  }

  /** the server's settings that point it here */
  env(): Record<string, string> {
    return {
      UTILITY_ENDPOINTS: this.keys.map((k) => `${k.provider}=${this.origin}/sim/utilities/${k.provider}`).join(','),
      UTILITY_KEYS: this.keys.map((k) => `${k.provider}=${k.appKey}:${k.secret}`).join(','),
    }
  }

  /** every case the utilities keep (one per dispatch id, however often it was sent) */
  cases(): UtilityCase[] {
    return this.keys.flatMap((k) => this.sim.received(k.provider).map((c) => ({ provider: k.provider, dispatchId: c.dispatchId, caseNumber: c.caseNumber })))
  }

  async close(): Promise<void> {
    await this.app.close()
    this.sim.close()
  }
}
