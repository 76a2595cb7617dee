// Checks a push request's headers: app key, clock skew, signature over the raw body, one-time nonce.
import type { FastifyBodyParser, FastifyInstance, FastifyRequest } from 'fastify'
import type { Db } from '../db/open'
import { AppError, fieldError } from '../http/app-error'
import { clientByKey, type PushClient } from './clients'
import { MAX_SKEW_MS, NONCE_PATTERN, PUSH_HEADERS, signatureMatches } from './signing'

const rawBodies = new WeakMap<FastifyRequest, Buffer>()
const verified = new WeakMap<FastifyRequest, PushClient>()

function header(req: FastifyRequest, name: string): string {
  const value = req.headers[name]
  return typeof value === 'string' ? value : ''
}

/** Nonces are kept twice the skew window: after that the timestamp alone refuses a replay. */
function rememberNonce(db: Db, appKey: string, nonce: string, now: Date): void {
  db.prepare('DELETE FROM push_nonce WHERE seen_at < ?').run(new Date(now.getTime() - 2 * MAX_SKEW_MS).toISOString())
  const fresh = db.prepare('INSERT OR IGNORE INTO push_nonce (app_key, nonce, seen_at) VALUES (?, ?, ?)').run(appKey, nonce, now.toISOString()).changes === 1
  if (!fresh) throw new AppError('PUSH_REPLAY')
}

/**
 * The push client a request is signed by. Order: unknown key, clock skew, bad signature, then replay (a nonce
 * is only spent by a correctly signed request, so nobody without the secret can burn them).
 */
export function verifyPush(db: Db, req: FastifyRequest, now: Date): PushClient {
  const client = clientByKey(db, header(req, PUSH_HEADERS.appKey))
  if (!client) throw new AppError('PUSH_UNKNOWN_KEY')
  const timestamp = header(req, PUSH_HEADERS.timestamp)
  if (!/^\d{1,15}$/.test(timestamp)) throw fieldError(`headers.${PUSH_HEADERS.timestamp}`, '请提供毫秒时间戳（X-Timestamp）')
  if (Math.abs(now.getTime() - Number(timestamp)) > MAX_SKEW_MS) throw new AppError('PUSH_CLOCK_SKEW')
  const nonce = header(req, PUSH_HEADERS.nonce)
  if (!NONCE_PATTERN.test(nonce)) throw fieldError(`headers.${PUSH_HEADERS.nonce}`, '请提供16至64位随机串（X-Nonce：字母、数字、下划线或连字符）')
  const raw = rawBodies.get(req) ?? Buffer.alloc(0)
  if (!signatureMatches(client.secret, timestamp, nonce, raw, header(req, PUSH_HEADERS.signature))) throw new AppError('PUSH_BAD_SIGNATURE')
  rememberNonce(db, client.appKey, nonce, now)
  return client
}

/**
 * For the routes of this (encapsulated) scope only: JSON bodies are parsed as usual and their raw bytes kept for
 * the signature, and every request is verified before the body is validated.
 */
export function requirePushSignature(scope: FastifyInstance, db: Db, now: () => Date): void {
  const parseJson = scope.getDefaultJsonParser('error', 'error') as unknown as FastifyBodyParser<Buffer>
  scope.removeContentTypeParser('application/json')
  scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    rawBodies.set(req, body as Buffer)
    parseJson(req, body as Buffer, done)
  })
  scope.addHook('preHandler', async (req) => {
    verified.set(req, verifyPush(db, req, now()))
  })
}

/** The client verified for this request (set by requirePushSignature's hook). */
export function pushClientOf(req: FastifyRequest): PushClient {
  const client = verified.get(req)
  if (!client) throw new AppError('PUSH_UNKNOWN_KEY')
  return client
}
