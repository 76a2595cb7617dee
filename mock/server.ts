import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify'
import fastifyStatic from '@fastify/static'
import { openDb, type Db } from './db/open'
import { seedDemoData } from './seed/seed'
import { clientErrorHandler, frameworkErrors, installErrorHandling } from './http/error-handler'
import { h5CspSource } from './http/h5-csp'
import { publicOriginOf } from './http/public-origin'
import { sweepOrphans, SWEEP_EVERY_MS, type SweepDeps } from './applications/sweep-orphans'
import { loggerOptions, newRequestId } from './log'
import { openApiDocument } from './openapi'
import { systemRoutes } from './routes/system'
import { DEMO_YKB_APP, DEFAULT_YKB_TIMEOUT_MS, type MockConfig, type PushKey, type SmsSettings, type YkbSettings } from './config'
import { httpYkbGateway } from './ykb-gateway/http-gateway'
import type { YkbGateway } from './ykb-gateway/port'
import { ykbSimulator, type YkbSimulator } from './ykb/simulator'
import { SIM_API_PREFIX, type SimSwitches } from './ykb/sim-api'
import { SmsDispatcher } from './sms/dispatcher'
import { demoOutboxSender } from './sms/demo-sender'
import { httpSmsSender } from './sms/http-sender'
import type { SmsSender } from './sms/port'
import { smsDemoPage } from './lookup/sms-page'
import { startUtilities, type UtilityWiring } from './utilities/wiring'
import { utilityConnections } from './utilities/connections'
import type { SimulatorSwitches } from './utilities/simulator'
import { startSmeRegistry, type SmeWiring } from './sme-registry/wiring'
import type { SmeSimSwitches } from './sme-registry/simulator'
import { Sessions, DEFAULT_TTL, type SessionTtl } from './auth/sessions'
import { authRoutes } from './routes/auth'
import { draftRoutes } from './routes/drafts'
import { applicationRoutes } from './routes/applications'
import { miniCallbackPage } from './ykb/mini-callback-page'
import fastifyMultipart from '@fastify/multipart'
import { licenceRoutes } from './routes/licences'
import { uploadRoutes, MULTIPART_LIMITS } from './routes/uploads'
import { showTtlSeconds } from './licences/deps'
import { quotasFrom } from './licences/upload-quota'
import { progressRoutes } from './routes/progress'
import { lookupRoutes } from './routes/lookup'
import { pushRoutes } from './routes/push'
import { ensurePushClients, useConfiguredPushKeys } from './push/clients'
import { staffRoutes } from './routes/staff'
import { oversightRoutes } from './routes/oversight'
import { leadRoutes } from './routes/leads'
import { indexMissingCases, useCalendarFile } from './staff/case-index'
import { useSupplySettings } from './supply-source'
import { BUNDLED_SUPPLY_SETTINGS } from '../src/core/supply-settings'

export const VERSION = '0.1.0'

export interface BuiltServer {
  app: FastifyInstance
  db: Db
  /** whether demo data was seeded by this start (first start on a new database) */
  seeded: boolean
  sessions: Sessions
  utilities: UtilityWiring
  /** the only way to 渝快办 */
  ykb: YkbGateway
  /** the demo's 渝快办 simulator (its own store and switches); none in production */
  ykbSim?: YkbSimulator
  /** 小微企业认定: the national registry (or the demo's simulated one) and the worker asking it */
  smeRegistry: SmeWiring
}

/** Builds the mock 渝快办 server: API, OpenAPI document, and the built H5 app on the same origin. */
export type ServerConfig = Pick<MockConfig, 'dbFile' | 'staticDir' | 'calendarOverrideFile' | 'logLevel'>
  & Partial<Pick<MockConfig, 'supply' | 'utilityEndpoints' | 'utilityKeys' | 'smeRegistry'>> & {
  /** demo (the default): seeded, with the 渝快办 simulator and demo pages; production: none of them (config.ts) */
  mode?: MockConfig['mode']
  /** production: the supply enterprises' configured push keys (PUSH_KEYS) */
  pushKeys?: PushKey[]
  /** production: the SMS gateway (SMS_*); the demo keeps messages in its outbox page */
  sms?: SmsSettings
  /** replaces the sender SMS_* would give (tests) */
  smsSender?: SmsSender
  /** where log lines go (standard output when omitted); tests read them */
  logStream?: { write: (line: string) => void }
  /** where uploaded documents are stored (outside the database); a temp folder when omitted */
  uploadsDir?: string
  sessionTtl?: SessionTtl
  /** the server's clock (sessions, codes, submissions, rate limits); tests inject one */
  now?: () => Date
  /** "files/MB" a user may upload a day (UPLOAD_DAILY_QUOTA); 50/100 when omitted */
  uploadDailyQuota?: string
  /** the origin users reach the service at (PUBLIC_ORIGIN); the listening address when omitted */
  publicOrigin?: string
  /** how the demo's simulated utilities start (tests: an outage, a faster pace) */
  utilitySimulator?: Partial<SimulatorSwitches>
  /** lifetime of a 渝快办 亮证 code (LIANGZHENG_TTL_SECONDS); 300 s when omitted */
  liangzhengTtlSeconds?: number
  /** how we reach 渝快办 (YKB_*); in the demo the simulator's address is used when no base URL is given */
  ykb?: YkbSettings
  /** demo: the simulator's switches at start (YKB_SIM_*) */
  ykbSim?: Partial<SimSwitches>
  /** demo: the simulated 小微企业名录's switches at start (tests: an outage) */
  smeSimulator?: Partial<SmeSimSwitches>
  /** how often owed 小微 checks are asked about (5 s when omitted); null: only when a test calls runOnce */
  smallMicroCheckEveryMs?: number | null
}

/** The policy of an HTML answer when there is no H5 build to take the app's policy from: nothing runs. */
const NO_APP_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"
const isHtml = (reply: FastifyReply) => /^text\/html\b/i.test(String(reply.getHeader('content-type') ?? ''))

/** The SMS sender of the mode: the configured gateway, or (demo only) the outbox page; production needs one. */
function smsSenderOf(config: ServerConfig, demo: boolean, now: () => Date): SmsSender {
  if (config.smsSender) return config.smsSender
  if (config.sms) return httpSmsSender(config.sms, { now })
  if (demo) return demoOutboxSender
  throw new Error('production needs an SMS sender (SMS_ENDPOINT, SMS_APP_KEY, SMS_APP_SECRET)')
}

/** Hands queued SMS to the sender every half second, from the start until the server closes. */
function sendSmsEvery(app: FastifyInstance, db: Db, sender: SmsSender, now: () => Date): void {
  const dispatcher = new SmsDispatcher({ db, sender, now, log: (r) => { if (r.outcome !== 'sent') app.log.warn(r, 'SMS not sent') } })
  dispatcher.start()
  app.addHook('onClose', async () => dispatcher.stop())
}

/** Deletes documents nobody refers to any more (sweep-orphans.ts) now and then, starting at once. */
function sweepOrphansEvery(app: FastifyInstance, deps: SweepDeps, ms: number): void {
  const sweep = () => {
    try {
      const deleted = sweepOrphans(deps)
      if (deleted.materials || deleted.uploads) app.log.info(deleted, 'orphaned documents deleted')
    } catch (err) {
      app.log.error({ err }, 'sweeping orphaned documents failed')
    }
  }
  sweep()
  const timer = setInterval(sweep, ms).unref()
  app.addHook('onClose', async () => clearInterval(timer))
}

/** Where the demo's simulator keeps its store: beside our database (or in memory with it), never in it. */
export const simStoreOf = (dbFile: string) => (dbFile === ':memory:' ? ':memory:' : path.join(path.dirname(dbFile), 'ykb-simulator.db'))

/**
 * The 渝快办 gateway of the mode: production's points at YKB_BASE_URL; the demo's at its simulator, on this
 * server's own listening address, with the demo's key provisioned there.
 */
function ykbOf(app: FastifyInstance, config: ServerConfig, demo: boolean, now: () => Date, publicOrigin: () => string): { ykb: YkbGateway; sim?: YkbSimulator } {
  const settings = config.ykb ?? (demo ? { authorizeUrl: '/ykb/authorize', ...DEMO_YKB_APP, timeoutMs: DEFAULT_YKB_TIMEOUT_MS } : undefined)
  if (!settings) throw new Error('production needs 渝快办 settings (YKB_BASE_URL, YKB_APP_KEY, YKB_APP_SECRET)')
  const onUnavailable = (e: Error, what: string) => app.log.warn({ reason: e.message }, `渝快办 ${what} unavailable`)
  const gateway = (baseUrl: () => string) => httpYkbGateway({ baseUrl, appKey: settings.appKey, secret: settings.secret, timeoutMs: settings.timeoutMs, now, onUnavailable })
  if (settings.baseUrl || !demo) {
    if (!settings.baseUrl) throw new Error('production needs YKB_BASE_URL')
    const base = settings.baseUrl
    return { ykb: gateway(() => base) }
  }
  const sim = ykbSimulator({ dbFile: simStoreOf(config.dbFile), now, publicOrigin, showTtlSeconds: showTtlSeconds(config.liangzhengTtlSeconds), switches: config.ykbSim })
  sim.provision({ appKey: settings.appKey, secret: settings.secret })
  app.addHook('onClose', async () => sim.close())
  const listening = publicOriginOf(app, undefined)
  return { ykb: gateway(() => `${listening()}${SIM_API_PREFIX}`), sim }
}

export async function buildServer(config: ServerConfig): Promise<BuiltServer> {
  const demo = (config.mode ?? 'demo') === 'demo'
  const db = openDb(config.dbFile, demo ? 'NORMAL' : 'FULL')
  useCalendarFile(db, config.calendarOverrideFile)
  useSupplySettings(db, config.supply ?? BUNDLED_SUPPLY_SETTINGS, new Date())
  const seeded = demo && seedDemoData(db)
  const app = Fastify({
    logger: loggerOptions(config.logLevel, config.logStream), genReqId: newRequestId, requestIdHeader: false,
    bodyLimit: 1024 * 1024, trustProxy: false, frameworkErrors, clientErrorHandler,
  })
  const now = config.now ?? (() => new Date())
  const sessions = new Sessions(db, config.sessionTtl ?? DEFAULT_TTL, now)
  const opts = { checkResponses: process.env.NODE_ENV !== 'production', sessions }

  installErrorHandling(app)
  const h5Policy = h5CspSource(config.staticDir)
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id)
    reply.header('x-content-type-options', 'nosniff')
    reply.header('referrer-policy', 'no-referrer')
    reply.header('x-frame-options', 'DENY')
    // answers carry personal data: no browser or proxy keeps a copy
    if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store')
    // every HTML answer, however its path was spelled, has a policy: its own (the 渝快办 pages) or the app's
    if (isHtml(reply) && !reply.hasHeader('content-security-policy')) reply.header('content-security-policy', h5Policy() ?? NO_APP_CSP)
  })
  app.addHook('onClose', async () => db.close())
  sendSmsEvery(app, db, smsSenderOf(config, demo, now), now)

  const publicOrigin = publicOriginOf(app, config.publicOrigin)
  const { ykb, sim } = ykbOf(app, config, demo, now, publicOrigin)
  const connections = utilityConnections(demo ? 'demo' : 'production', config.utilityEndpoints)
  // 小微企业认定: the national registry (the demo's simulated one on this server), asked after each submission
  const smeRegistry = await startSmeRegistry(app, {
    db, dbFile: config.dbFile, demo, settings: config.smeRegistry, now, selfOrigin: publicOriginOf(app, undefined),
    simulator: config.smeSimulator, everyMs: config.smallMicroCheckEveryMs,
  })
  const deps = {
    db, sessions, now, version: VERSION, calendarOverrideFile: config.calendarOverrideFile, publicOrigin, ykb, connections, smeRegistry: smeRegistry.reach,
    uploadsDir: config.uploadsDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'wz-uploads-')),
  }
  systemRoutes(app, deps, opts)
  sweepOrphansEvery(app, deps, SWEEP_EVERY_MS)
  // journey routes (helpers register theirs below this line)
  await app.register(fastifyMultipart, MULTIPART_LIMITS)
  const licenceDeps = { ...deps, durable: !demo, uploadQuotas: quotasFrom(config.uploadDailyQuota) }
  licenceRoutes(app, licenceDeps, opts)
  uploadRoutes(app, licenceDeps, opts)
  authRoutes(app, deps, opts)
  // the demo's 渝快办 simulator (its API, consent page with the identity picker, the holders' 亮证 pages) and SMS
  // outbox: never in production
  if (sim) await sim.mount(app)
  if (demo) smsDemoPage(app, db)
  miniCallbackPage(app)
  draftRoutes(app, deps, opts)
  applicationRoutes(app, deps, opts)
  // progress: the applicant's cases, lookups without sign-in, the supply enterprises' signed pushes
  if (config.pushKeys) useConfiguredPushKeys(db, config.pushKeys, now())
  else if (demo) ensurePushClients(db, now())
  progressRoutes(app, deps, opts)
  lookupRoutes(app, deps, opts)
  await app.register(pushRoutes(deps, opts))
  // water, gas and telecom: each part of a 一件事 is sent to its utility (and, in the demo, to its simulator)
  const utilities = await startUtilities(app, {
    db, dbFile: config.dbFile, demo, connections, keys: config.utilityKeys, now, selfOrigin: publicOriginOf(app, undefined), simulator: config.utilitySimulator,
  })
  // staff: the supply enterprises' customer service (search, cases, reports, the personal-data access log)
  const indexed = indexMissingCases(db)
  if (indexed) app.log.info({ indexed }, 'cases indexed for staff search')
  staffRoutes(app, deps, opts)
  // the district's oversight (区经信委): aggregates of every enterprise
  oversightRoutes(app, deps, opts)
  // 主动服务: leads registered by the supply enterprises, invitations their owners accept in one confirmation
  leadRoutes(app, licenceDeps, opts)
  app.get('/openapi.json', async () => openApiDocument(VERSION))
  app.get('/favicon.ico', async (_req, reply) => reply.status(204).send())

  if (fs.existsSync(config.staticDir)) {
    // preCompressed: the .br / .gz copies the production build writes beside each asset (raw when absent)
    await app.register(fastifyStatic, { root: config.staticDir, index: ['index.html'], wildcard: false, preCompressed: true })
  }
  return { app, db, seeded, sessions, ykb, ykbSim: sim, utilities, smeRegistry }
}
