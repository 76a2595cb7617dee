// The simulator's open-platform API: what our gateway (mock/ykb-gateway) calls, server to server, under
// /ykb/open/v1. Every request is signed by a registered app (X-App-Key, X-Timestamp in ms, X-Nonce, X-Signature:
// HMAC-SHA256 over METHOD, path with query, timestamp, nonce and the body's sha256; mock/push/signing.ts). Answers
// are {code: "00", msg, data} or {code: <refusal>, msg, data: null}. Switches make it slow, failing or refusing
// our signatures, so tests and demos can show what the applicant sees then. The OpenAPI document: sim-openapi.ts.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { MAX_SKEW_MS, NONCE_PATTERN, PUSH_HEADERS, signatureMatches } from '../push/signing'
import { exchangeCode, tokenOwner } from './oauth-code'
import { licenceByCertificate, licenceById, licenceJson, licencesOf, TYPE_OF_KIND } from './sim-licences'
import { createTxn, getTxn, resolveShowCode, txnState } from './sim-show'
import { simIdentity, type SimDb } from './sim-store'
import { LICENCE_TYPES } from '../seed/demo-data'
import { businessByCreditCode } from './sim-market'

export const SIM_API_PREFIX = '/ykb/open/v1'
export const USER_TOKEN_HEADER = 'x-ykb-user-token'

export interface SimSwitches {
  /** every answer this late */
  delayMs: number
  /** share (0–1) of requests answered HTTP 500 before anything is done */
  failureRate: number
  /** every request refused as badly signed (as after a secret rotated on one side only) */
  badSignature: boolean
}

export interface SimApiDeps {
  db: SimDb
  now: () => Date
  switches: SimSwitches
  random?: () => number
  /** told of every request that reaches the API, before the switches act (the simulator's request log) */
  seen?: (method: string, url: string) => void
}

class Refusal extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message)
  }
}

const ok = (data: unknown) => ({ code: '00', msg: 'ok', data })
const header = (req: FastifyRequest, name: string) => (typeof req.headers[name] === 'string' ? (req.headers[name] as string) : '')
const rawBodies = new WeakMap<FastifyRequest, Buffer>()
const callers = new WeakMap<FastifyRequest, string>()

/** The app a request is signed by, or a refusal: unknown key, skew, bad signature, replayed nonce. */
function verify(deps: SimApiDeps, req: FastifyRequest): string {
  if (deps.switches.badSignature) throw new Refusal(401, 'SIGNATURE_INVALID', '签名验证失败')
  const app = deps.db.prepare('SELECT app_key, secret FROM app WHERE app_key = ?').get(header(req, PUSH_HEADERS.appKey)) as { app_key: string; secret: string } | undefined
  if (!app) throw new Refusal(401, 'APP_UNKNOWN', '应用未注册')
  const timestamp = header(req, PUSH_HEADERS.timestamp)
  const now = deps.now()
  if (!/^\d{1,15}$/.test(timestamp) || Math.abs(now.getTime() - Number(timestamp)) > MAX_SKEW_MS) throw new Refusal(401, 'TIMESTAMP_INVALID', '时间戳无效或超出5分钟')
  const nonce = header(req, PUSH_HEADERS.nonce)
  if (!NONCE_PATTERN.test(nonce)) throw new Refusal(401, 'NONCE_INVALID', '随机串无效')
  const raw = rawBodies.get(req) ?? Buffer.alloc(0)
  if (!signatureMatches(app.secret, timestamp, nonce, raw, header(req, PUSH_HEADERS.signature), req.url, req.method)) throw new Refusal(401, 'SIGNATURE_INVALID', '签名验证失败')
  deps.db.prepare('DELETE FROM nonce WHERE seen_at < ?').run(new Date(now.getTime() - 2 * MAX_SKEW_MS).toISOString())
  if (deps.db.prepare('INSERT OR IGNORE INTO nonce (app_key, nonce, seen_at) VALUES (?, ?, ?)').run(app.app_key, nonce, now.toISOString()).changes === 0) {
    throw new Refusal(401, 'NONCE_REPLAYED', '请求重复')
  }
  return app.app_key
}

/** The identity a request's user token speaks for (the token must be this app's, live, with the scope). */
function tokenIdentity(deps: SimApiDeps, req: FastifyRequest, scope: string): string {
  const owner = tokenOwner(deps.db, header(req, USER_TOKEN_HEADER), callers.get(req) ?? '', deps.now())
  if (!owner) throw new Refusal(401, 'TOKEN_INVALID', '用户授权无效或已过期')
  if (!owner.scopes.includes(scope)) throw new Refusal(403, 'SCOPE_DENIED', '用户未授权该范围')
  return owner.identityId
}

function body<T extends z.ZodType>(req: FastifyRequest, schema: T): z.output<T> {
  let parsed: unknown
  try {
    parsed = JSON.parse((rawBodies.get(req) ?? Buffer.alloc(0)).toString('utf8') || 'null')
  } catch {
    throw new Refusal(400, 'BAD_REQUEST', '请求体不是JSON')
  }
  const result = schema.safeParse(parsed)
  if (!result.success) throw new Refusal(400, 'BAD_REQUEST', `参数错误：${result.error.issues.map((i) => i.path.join('.')).join('、') || '请求体'}`)
  return result.data
}

const useCause = z.string().trim().min(2).max(100)
const logUse = (deps: SimApiDeps, identifier: string, appKey: string, channel: string, cause: string) =>
  deps.db.prepare('INSERT INTO use_log (identifier, app_key, channel, use_cause, at) VALUES (?, ?, ?, ?, ?)').run(identifier, appKey, channel, cause, deps.now().toISOString())

/** A small PDF standing for the licence's file (the real catalogue serves OFD or PDF). */
function licencePdf(identifier: string, typeCode: string): Buffer {
  const text = `E-licence ${typeCode} ${identifier}`.replace(/[()\\]/g, '')
  const stream = `BT /F1 12 Tf 40 780 Td (${text}) Tj ET`
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>']
  let pdf = '%PDF-1.4\n'
  const offsets = objects.map((o, i) => { const at = pdf.length; pdf += `${i + 1} 0 obj\n${o}\nendobj\n`; return at })
  const xref = pdf.length
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  return Buffer.from(`${pdf}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`, 'latin1')
}

function routes(scope: FastifyInstance, deps: SimApiDeps): void {
  scope.post('/oauth/token', async (req) => {
    const { code } = body(req, z.object({ code: z.string().min(1).max(200) }))
    const grant = exchangeCode(deps.db, code, callers.get(req) ?? '', deps.now())
    if (!grant) throw new Refusal(400, 'CODE_INVALID', '授权码无效、已使用或已过期')
    return ok({ accessToken: grant.accessToken, expiresAt: grant.expiresAt, userId: grant.identityId })
  })

  scope.get('/user/identity', async (req) => {
    const who = simIdentity(deps.db, tokenIdentity(deps, req, 'user'))
    if (!who) throw new Refusal(404, 'USER_NOT_FOUND', '用户不存在')
    const owner = tokenOwner(deps.db, header(req, USER_TOKEN_HEADER), callers.get(req) ?? '', deps.now())
    return ok({ userId: who.id, name: who.name, idNumber: who.id_number, mobile: owner?.scopes.includes('mobile') ? who.mobile : '' })
  })

  scope.post('/licences/query', async (req) => {
    const q = body(req, z.object({ holderIdNumber: z.string().min(1).max(40), typeCodes: z.array(z.string().max(40)).min(1).max(10), useCause }))
    const who = simIdentity(deps.db, tokenIdentity(deps, req, 'user'))
    if (!who || who.id_number !== q.holderIdNumber) throw new Refusal(403, 'NOT_HOLDER', '只能查询授权用户本人的证照')
    const rows = [...new Set(q.typeCodes)].flatMap((t) => licencesOf(deps.db, q.holderIdNumber, t))
    for (const r of rows) logUse(deps, r.identifier, callers.get(req) ?? '', 'authorised', q.useCause)
    return ok({ licences: rows.map(licenceJson) })
  })

  scope.post('/licences/by-certificate', async (req) => {
    const q = body(req, z.object({ unitNo: z.string().min(1).max(40), certNo: z.string().min(1).max(80), useCause }))
    const row = licenceByCertificate(deps.db, LICENCE_TYPES.property.code, q.unitNo, q.certNo)
    if (!row) throw new Refusal(404, 'LICENCE_NOT_FOUND', '未查询到该电子证照')
    logUse(deps, row.identifier, callers.get(req) ?? '', 'paper-qr', q.useCause)
    return ok({ licence: licenceJson(row) })
  })

  scope.get<{ Params: { identifier: string } }>('/licences/:identifier/file', async (req, reply) => {
    const who = simIdentity(deps.db, tokenIdentity(deps, req, 'user'))
    const row = licenceById(deps.db, req.params.identifier)
    if (!row || !who || row.holder_code !== who.id_number) throw new Refusal(404, 'LICENCE_NOT_FOUND', '未查询到该电子证照')
    return reply.type('application/pdf').send(licencePdf(row.identifier, row.type_code))
  })

  // the market registration (市场主体登记): a business by its credit code, for 主动服务 (no user grant: public register data)
  scope.get<{ Params: { creditCode: string } }>('/market/registrations/:creditCode', async (req) => {
    const business = businessByCreditCode(deps.db, req.params.creditCode.toUpperCase())
    if (!business) throw new Refusal(404, 'BUSINESS_NOT_FOUND', '未查询到该市场主体')
    return ok({ business })
  })

  scope.post('/show-txns', async (req) => {
    const q = body(req, z.object({ showCode: z.string().min(1).max(200), useCause, requester: z.string().min(1).max(60) }))
    const code = resolveShowCode(deps.db, q.showCode, deps.now())
    if (code === 'invalid') throw new Refusal(400, 'QR_INVALID', '亮证码内容不完整或格式不对')
    if (code === 'unknown') throw new Refusal(404, 'QR_UNKNOWN', '未找到该亮证码')
    if (code === 'expired') throw new Refusal(410, 'QR_EXPIRED', '亮证码已过期')
    const holder = simIdentity(deps.db, code.identityId)
    if (!holder || licencesOf(deps.db, holder.id_number, TYPE_OF_KIND[code.kind]).length === 0) throw new Refusal(404, 'LICENCE_NOT_FOUND', '持证人名下没有该类电子证照')
    const txn = createTxn(deps.db, { appKey: callers.get(req) ?? '', identityId: holder.id, kind: code.kind, useCause: q.useCause, requester: q.requester, now: deps.now() })
    return ok({ txnId: txn.id, kind: txn.kind, status: 'waiting', expiresAt: txn.expires_at })
  })

  const ownTxn = (req: FastifyRequest<{ Params: { txnId: string } }>) => {
    const txn = getTxn(deps.db, req.params.txnId)
    if (!txn || txn.app_key !== callers.get(req)) throw new Refusal(404, 'TXN_NOT_FOUND', '未找到该用证请求')
    return txn
  }

  scope.get<{ Params: { txnId: string } }>('/show-txns/:txnId', async (req) => {
    const txn = ownTxn(req)
    return ok({ txnId: txn.id, kind: txn.kind, status: txnState(txn, deps.now()), expiresAt: txn.expires_at })
  })

  scope.get<{ Params: { txnId: string } }>('/show-txns/:txnId/licence', async (req) => {
    const txn = ownTxn(req)
    if (txn.status !== 'approved') throw new Refusal(409, 'NOT_APPROVED', '持证人尚未同意用证')
    const holder = simIdentity(deps.db, txn.identity_id)
    const row = holder && licencesOf(deps.db, holder.id_number, TYPE_OF_KIND[txn.kind])[0]
    if (!row) throw new Refusal(404, 'LICENCE_NOT_FOUND', '持证人名下没有该类电子证照')
    logUse(deps, row.identifier, txn.app_key, 'scanned', txn.use_cause)
    return ok({ licence: licenceJson(row) })
  })
}

/** The API as a Fastify plugin (register with prefix SIM_API_PREFIX): raw bodies for signatures, switches first. */
export function simApi(deps: SimApiDeps) {
  return async (scope: FastifyInstance): Promise<void> => {
    scope.removeAllContentTypeParsers()
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 64 * 1024 }, (req, raw, done) => { rawBodies.set(req, raw as Buffer); done(null, null) })
    scope.addHook('onRequest', async (req, reply: FastifyReply) => {
      deps.seen?.(req.method, req.url)
      const { delayMs, failureRate } = deps.switches
      if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs))
      if (failureRate > 0 && (deps.random ?? Math.random)() < failureRate) {
        return reply.status(500).send({ code: 'SERVER_ERROR', msg: '系统繁忙（模拟故障）', data: null })
      }
    })
    scope.addHook('preHandler', async (req) => { callers.set(req, verify(deps, req)) })
    scope.setErrorHandler((err, _req, reply) => {
      if (err instanceof Refusal) return reply.status(err.status).send({ code: err.code, msg: err.message, data: null })
      const status = (err as { statusCode?: number }).statusCode
      if (status && status < 500) return reply.status(status).send({ code: 'BAD_REQUEST', msg: '请求无效', data: null })
      reply.log.error({ err }, 'simulator error')
      return reply.status(500).send({ code: 'SERVER_ERROR', msg: '系统错误', data: null })
    })
    scope.setNotFoundHandler((_req, reply) => reply.status(404).send({ code: 'NOT_FOUND', msg: '接口不存在', data: null }))
    routes(scope, deps)
  }
}
