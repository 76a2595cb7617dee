// The 渝快办 simulator: a stand-in for the platform, with its own store (sim-store.ts), reached by our backend only
// over its HTTP API (sim-api.ts, documented at /ykb/open/openapi.json). In the demo it runs in the same process and
// on the same port as the backend, so `npm start` stays one command; production never mounts it. Its pages are the
// demo's: the consent page with the identity picker, the holders' 亮证 and paper-certificate pages, the OCR photos.
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { ykbAuthorizePage } from './authorize-page'
import { licencePages } from './licence-show-page'
import { issueToken } from './oauth-code'
import { simApi, SIM_API_PREFIX, type SimSwitches } from './sim-api'
import { simOpenApi } from './sim-openapi'
import { openSimStore, provisionApp, type SimDb } from './sim-store'

export interface YkbSimulatorOptions {
  dbFile: string
  now: () => Date
  /** where the simulator's pages are served from, and where sign-ins may go back to (the app's public origin) */
  publicOrigin: () => string
  showTtlSeconds: number
  switches?: Partial<SimSwitches>
}

export interface YkbSimulator {
  db: SimDb
  switches: SimSwitches
  /** the last API requests that reached the simulator, oldest first ("GET /ykb/open/v1/user/identity") */
  requests: string[]
  /** registers the app that calls the simulator (its key and secret, given out of band as 渝快办 would) */
  provision: (app: { appKey: string; secret: string }) => void
  /** mounts the API, its OpenAPI document, the switches and the demo pages */
  mount: (app: FastifyInstance) => Promise<void>
  /** what a person's consent and the code exchange would give the app: a user token (tests set up applicants so) */
  grantFor: (identityId: string, appKey: string) => { accessToken: string; expiresAt: string; identityId: string }
  close: () => void
}

export const SIM_SWITCHES_PATH = '/ykb/sim/switches'
const REQUEST_LOG = 200
const switchesPatch = z.object({
  delayMs: z.number().int().min(0).max(120_000), failureRate: z.number().min(0).max(1), badSignature: z.boolean(),
}).partial().strict()

export function ykbSimulator(o: YkbSimulatorOptions): YkbSimulator {
  const db = openSimStore(o.dbFile)
  const switches: SimSwitches = { delayMs: 0, failureRate: 0, badSignature: false, ...o.switches }
  const requests: string[] = []
  const seen = (method: string, url: string) => {
    requests.push(`${method} ${url}`)
    if (requests.length > REQUEST_LOG) requests.splice(0, requests.length - REQUEST_LOG)
  }
  return {
    db,
    switches,
    requests,
    provision: (app) => provisionApp(db, { ...app, redirectOrigin: o.publicOrigin() }),
    grantFor: (identityId, appKey) => issueToken(db, identityId, appKey, ['base', 'user', 'mobile'], o.now()),
    mount: async (app) => {
      await app.register(simApi({ db, now: o.now, switches, seen }), { prefix: SIM_API_PREFIX })
      app.get('/ykb/open/openapi.json', async () => simOpenApi())
      // the demo's switches (slow, failing, refusing signatures), for demos and browser tests
      app.get(SIM_SWITCHES_PATH, async () => switches)
      app.put(SIM_SWITCHES_PATH, async (req, reply) => {
        const patch = switchesPatch.safeParse(req.body)
        if (!patch.success) return reply.status(400).send({ code: 'BAD_REQUEST', msg: 'delayMs, failureRate, badSignature', data: null })
        Object.assign(switches, patch.data)
        return switches
      })
      await app.register(licencePages({ db, now: o.now, showTtlSeconds: o.showTtlSeconds, publicOrigin: o.publicOrigin }))
      ykbAuthorizePage(app, { db, now: o.now, publicOrigin: o.publicOrigin })
    },
    close: () => db.close(),
  }
}
