// A simulated case-intake endpoint for each utility (水电气讯), standing in for the provider's own system: its own
// store (a separate SQLite database: it never reads ours), reached only over HTTP at /sim/utilities/:provider/cases.
// It checks our signature like a real gateway would, keeps one case per dispatch id, and has switches for an outage
// and a failure rate so tests and demos can show retries. Like a real utility it then works the case and pushes each
// stage back through our signed push route (push-back.ts), with the push key it was handed. Demo only: a deployment
// points providers at their real endpoints.
import crypto from 'node:crypto'
import Database from 'better-sqlite3'
import type { FastifyInstance, FastifyPluginAsync } from 'fastify'
import { providerByCode } from '../../src/core/providers'
import { MAX_SKEW_MS, NONCE_PATTERN, PUSH_HEADERS, signatureMatches } from '../push/signing'
import type { UtilityKey } from './keys'
import type { PushCredentials } from '../push/signing'
import { simulatorPushBack } from './sim-push-back'
import { simulatorControls } from './sim-controls'

export interface SimulatorSwitches {
  /** every request answers 503 */
  outage: boolean
  /** share (0–1) of requests answering 500 before anything is stored */
  failureRate: number
  /** every request answers 422: the utility refuses the case */
  refuseAll: boolean
  /** the utility works each case one step (a stage's end and the next one's start) this often; null: only when asked */
  autoAdvanceMs: number | null
}

export interface UtilitySimulator {
  plugin: FastifyPluginAsync
  /** hands the simulator our key for a provider (out of band, as a real utility would be given it) */
  provision: (keys: UtilityKey[]) => void
  switches: (provider: string) => SimulatorSwitches
  setSwitches: (provider: string, patch: Partial<SimulatorSwitches>) => SimulatorSwitches
  /** cases received, per provider (what the utility's staff would see) */
  received: (provider: string) => ReceivedCase[]
  /** hands the simulator each provider's push key (as a real utility would be given its key) */
  provisionPush: (keys: (PushCredentials & { supplier: string })[]) => void
  /** pushes the next step of one case back now; false when it is done or unknown, or the push failed */
  advance: (caseNumber: string) => Promise<boolean>
  /** pushes every step that is due (autoAdvanceMs); what the demo's timer calls */
  advanceDue: () => Promise<number>
  close: () => void
}

export interface ReceivedCase {
  dispatchId: string
  caseNumber: string
  utilityRef: string
  receivedAt: string
  /** how many steps the utility has pushed back */
  step: number
  payload: Record<string, unknown>
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS sim_key (key_id TEXT PRIMARY KEY, provider TEXT NOT NULL, secret TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS sim_nonce (key_id TEXT NOT NULL, nonce TEXT NOT NULL, PRIMARY KEY (key_id, nonce));
  CREATE TABLE IF NOT EXISTS sim_case (
    dispatch_id TEXT PRIMARY KEY, provider TEXT NOT NULL, case_number TEXT NOT NULL, utility_ref TEXT NOT NULL UNIQUE,
    payload_json TEXT NOT NULL, received_at TEXT NOT NULL, step INTEGER NOT NULL DEFAULT 0, next_step_at TEXT
  );
  CREATE TABLE IF NOT EXISTS sim_push_key (provider TEXT PRIMARY KEY, app_key TEXT NOT NULL, secret TEXT NOT NULL);`

const answer = (code: string, msg: string, data: unknown = null) => ({ code, msg, data })
const header = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '')

export interface SimulatorOptions {
  dbFile?: string
  now?: () => Date
  random?: () => number
  /** where our push route is (this server's own origin in the demo) */
  pushOrigin?: () => string
  /** the switches every provider starts with */
  defaults?: Partial<SimulatorSwitches>
}

export function utilitySimulator(opts: SimulatorOptions = {}): UtilitySimulator {
  const db = new Database(opts.dbFile ?? ':memory:')
  db.exec(SCHEMA)
  const now = opts.now ?? (() => new Date())
  const random = opts.random ?? Math.random
  const state = new Map<string, SimulatorSwitches>()
  const switches = (provider: string): SimulatorSwitches => state.get(provider) ?? { outage: false, failureRate: 0, refuseAll: false, autoAdvanceMs: null, ...opts.defaults }
  const pushBack = simulatorPushBack(db, { now, origin: opts.pushOrigin })

  const plugin: FastifyPluginAsync = async (scope: FastifyInstance) => {
    scope.removeContentTypeParser('application/json')
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => done(null, body))

    scope.post<{ Params: { provider: string } }>('/sim/utilities/:provider/cases', async (req, reply) => {
      const provider = providerByCode(req.params.provider)
      if (!provider) return reply.status(404).send(answer('NOT_FOUND', '没有该服务企业'))
      const s = switches(provider.code)
      if (s.outage) return reply.status(503).send(answer('UNAVAILABLE', '系统维护中'))
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)
      const key = db.prepare('SELECT secret, provider FROM sim_key WHERE key_id = ?').get(header(req.headers[PUSH_HEADERS.appKey])) as { secret: string; provider: string } | undefined
      const ts = header(req.headers[PUSH_HEADERS.timestamp])
      const nonce = header(req.headers[PUSH_HEADERS.nonce])
      if (!key || key.provider !== provider.code) return reply.status(401).send(answer('UNKNOWN_KEY', '未知的接入方'))
      if (!/^\d{1,15}$/.test(ts) || Math.abs(now().getTime() - Number(ts)) > MAX_SKEW_MS) return reply.status(401).send(answer('CLOCK_SKEW', '时间戳无效'))
      if (!NONCE_PATTERN.test(nonce) || !signatureMatches(key.secret, ts, nonce, raw, header(req.headers[PUSH_HEADERS.signature]), req.url.split('?')[0])) {
        return reply.status(401).send(answer('BAD_SIGNATURE', '签名无效'))
      }
      if (db.prepare('INSERT OR IGNORE INTO sim_nonce (key_id, nonce) VALUES (?, ?)').run(header(req.headers[PUSH_HEADERS.appKey]), nonce).changes === 0) {
        return reply.status(409).send(answer('REPLAY', '重复的请求'))
      }
      if (s.refuseAll) return reply.status(422).send(answer('REFUSED', '申请信息不完整，不予接收'))
      if (random() < s.failureRate) return reply.status(500).send(answer('ERROR', '系统繁忙'))
      let body: { dispatchId?: unknown; caseNumber?: unknown }
      try { body = JSON.parse(raw.toString('utf8')) as typeof body } catch { return reply.status(400).send(answer('BAD_REQUEST', '请求无法解析')) }
      if (typeof body.dispatchId !== 'string' || typeof body.caseNumber !== 'string') return reply.status(400).send(answer('BAD_REQUEST', '缺少 dispatchId 或 caseNumber'))
      // one case per dispatch id, however often it arrives
      const known = db.prepare('SELECT utility_ref FROM sim_case WHERE dispatch_id = ?').get(body.dispatchId) as { utility_ref: string } | undefined
      if (known) return answer('00', '已接收', { utilityRef: known.utility_ref, duplicate: true })
      const utilityRef = `${provider.code.toUpperCase()}-${crypto.randomUUID().slice(0, 8)}`
      const nextStepAt = s.autoAdvanceMs === null ? null : new Date(now().getTime() + s.autoAdvanceMs).toISOString()
      db.prepare('INSERT INTO sim_case (dispatch_id, provider, case_number, utility_ref, payload_json, received_at, next_step_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(body.dispatchId, provider.code, body.caseNumber, utilityRef, raw.toString('utf8'), now().toISOString(), nextStepAt)
      return answer('00', '已接收', { utilityRef, duplicate: false })
    })

    simulatorControls(scope, { switches, setSwitches, received, advance: pushBack.advance })
  }

  function setSwitches(provider: string, patch: Partial<SimulatorSwitches>): SimulatorSwitches {
    const next = { ...switches(provider), ...patch }
    state.set(provider, next)
    return next
  }

  function received(provider: string): ReceivedCase[] {
    return (db.prepare('SELECT dispatch_id, case_number, utility_ref, received_at, step, payload_json FROM sim_case WHERE provider = ? ORDER BY received_at').all(provider) as
      { dispatch_id: string; case_number: string; utility_ref: string; received_at: string; step: number; payload_json: string }[])
      .map((r) => ({ dispatchId: r.dispatch_id, caseNumber: r.case_number, utilityRef: r.utility_ref, receivedAt: r.received_at, step: r.step, payload: JSON.parse(r.payload_json) as Record<string, unknown> }))
  }

  return {
    plugin,
    provision: (keys) => {
      const put = db.prepare('INSERT OR REPLACE INTO sim_key (key_id, provider, secret) VALUES (?, ?, ?)')
      for (const k of keys) put.run(k.appKey, k.provider, k.secret)
    },
    provisionPush: (keys) => {
      const put = db.prepare('INSERT OR REPLACE INTO sim_push_key (provider, app_key, secret) VALUES (?, ?, ?)')
      for (const k of keys) put.run(k.supplier, k.appKey, k.secret)
    },
    switches,
    setSwitches,
    received,
    advance: pushBack.advance,
    advanceDue: () => pushBack.advanceDue((provider) => switches(provider).autoAdvanceMs),
    close: () => db.close(),
  }
}
