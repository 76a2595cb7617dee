// A simulated national 小微企业名录 (国家企业信用信息公示系统's 小微企业库), standing in for the real registry: its own
// store (a separate SQLite database: it never reads ours), reached only over HTTP. Its contract:
//   GET /sim/sme-registry/api/v1/enterprises/{统一社会信用代码}   signed like every call of ours (mock/push/signing.ts:
//     X-App-Key, X-Timestamp, X-Nonce, X-Signature over "GET\n{path}\n{timestamp}\n{nonce}\n{sha256 of the empty body}")
//   200 {code:"00", data:{creditCode, enterpriseName, scale: 小型|微型|中型|大型, inDirectory, basis, source, includedOn}}
//   404 {code:"NOT_FOUND"}   401 UNKNOWN_KEY / CLOCK_SKEW / BAD_SIGNATURE   409 REPLAY   503 UNAVAILABLE
// Switches (demo and tests only, sim-controls.ts): an outage, a failure rate, slowness. Demo only: production asks
// the registry configured in SME_REGISTRY_URL.
import Database from 'better-sqlite3'
import type { FastifyInstance, FastifyPluginAsync } from 'fastify'
import { MAX_SKEW_MS, NONCE_PATTERN, PUSH_HEADERS, signatureMatches } from '../push/signing'
import { basisOf, enterpriseOf, seedEnterprises, SIM_SCHEMA, SOURCE } from './sim-data'
import { smeSimulatorControls } from './sim-controls'

export const SME_SIM_PREFIX = '/sim/sme-registry'
export const SME_SIM_API = `${SME_SIM_PREFIX}/api/v1`

export interface SmeSimSwitches {
  /** every lookup answers 503 */
  outage: boolean
  /** share (0–1) of lookups answering 500 */
  failureRate: number
  /** every lookup answers this late (longer than our timeout: a timeout) */
  delayMs: number
}

export interface SmeRegistrySimulator {
  plugin: FastifyPluginAsync
  /** hands the simulator our key (out of band, as the registry's operator would register us) */
  provision: (key: { appKey: string; secret: string }) => void
  switches: () => SmeSimSwitches
  setSwitches: (patch: Partial<SmeSimSwitches>) => SmeSimSwitches
  /** how many lookups reached the registry (past its signature check), per credit code */
  asked: (creditCode: string) => number
  close: () => void
}

const answer = (code: string, msg: string, data: unknown = null) => ({ code, msg, data })
const header = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '')

export function smeRegistrySimulator(o: { dbFile?: string; now?: () => Date; random?: () => number; switches?: Partial<SmeSimSwitches> } = {}): SmeRegistrySimulator {
  const db = new Database(o.dbFile ?? ':memory:')
  db.exec(SIM_SCHEMA)
  seedEnterprises(db)
  const now = o.now ?? (() => new Date())
  const random = o.random ?? Math.random
  let state: SmeSimSwitches = { outage: false, failureRate: 0, delayMs: 0, ...o.switches }
  const asked = new Map<string, number>()

  const plugin: FastifyPluginAsync = async (scope: FastifyInstance) => {
    scope.get<{ Params: { creditCode: string } }>(`${SME_SIM_API}/enterprises/:creditCode`, async (req, reply) => {
      if (state.delayMs > 0) await new Promise((r) => setTimeout(r, state.delayMs))
      if (state.outage) return reply.status(503).send(answer('UNAVAILABLE', '系统维护中'))
      const keyId = header(req.headers[PUSH_HEADERS.appKey])
      const key = db.prepare('SELECT secret FROM sim_key WHERE key_id = ?').get(keyId) as { secret: string } | undefined
      const ts = header(req.headers[PUSH_HEADERS.timestamp])
      const nonce = header(req.headers[PUSH_HEADERS.nonce])
      if (!key) return reply.status(401).send(answer('UNKNOWN_KEY', '未知的接入方'))
      if (!/^\d{1,15}$/.test(ts) || Math.abs(now().getTime() - Number(ts)) > MAX_SKEW_MS) return reply.status(401).send(answer('CLOCK_SKEW', '时间戳无效'))
      if (!NONCE_PATTERN.test(nonce) || !signatureMatches(key.secret, ts, nonce, '', header(req.headers[PUSH_HEADERS.signature]), req.url, 'GET')) {
        return reply.status(401).send(answer('BAD_SIGNATURE', '签名无效'))
      }
      if (db.prepare('INSERT OR IGNORE INTO sim_nonce (key_id, nonce) VALUES (?, ?)').run(keyId, nonce).changes === 0) {
        return reply.status(409).send(answer('REPLAY', '重复的请求'))
      }
      const code = req.params.creditCode.toUpperCase()
      asked.set(code, (asked.get(code) ?? 0) + 1)
      if (random() < state.failureRate) return reply.status(500).send(answer('ERROR', '系统繁忙'))
      const e = enterpriseOf(db, code)
      if (e?.fault) return reply.status(503).send(answer('UNAVAILABLE', '该企业的划型数据正在更新，请稍后查询'))
      if (!e) return reply.status(404).send(answer('NOT_FOUND', '未查询到该统一社会信用代码的企业'))
      return answer('00', 'ok', {
        creditCode: e.creditCode, enterpriseName: e.name, scale: e.scale, inDirectory: e.inDirectory, basis: basisOf(e), source: SOURCE, includedOn: e.includedOn,
      })
    })
    smeSimulatorControls(scope, { switches: () => state, setSwitches })
  }

  function setSwitches(patch: Partial<SmeSimSwitches>): SmeSimSwitches {
    state = { ...state, ...patch }
    return state
  }

  return {
    plugin,
    provision: (k) => { db.prepare('INSERT OR REPLACE INTO sim_key (key_id, secret) VALUES (?, ?)').run(k.appKey, k.secret) },
    switches: () => state,
    setSwitches,
    asked: (creditCode) => asked.get(creditCode) ?? 0,
    close: () => db.close(),
  }
}
