// Server-to-server signing, the one implementation for both directions: the supply enterprises' 办件 pushes to us
// (the server check, the CLI and the tests) and our dispatches to each utility (mock/utilities).
//
//   canonical = "{METHOD}\n{path with its query, e.g. /api/push/case-records}\n{X-Timestamp}\n{X-Nonce}\n{sha256 hex of the raw body bytes}"
//   X-Signature = lowercase hex HMAC-SHA256(secret, canonical)
//
// X-Timestamp is milliseconds since the epoch, within 5 minutes of the server's clock; X-Nonce is 16–64
// characters of A–Z a–z 0–9 _ - and is accepted once per app key.
import crypto from 'node:crypto'
import { ROUTES } from '../../src/contract/routes'
import { sha256Hex } from '../applications/canonical'

export const PUSH_HEADERS = { appKey: 'x-app-key', timestamp: 'x-timestamp', nonce: 'x-nonce', signature: 'x-signature' } as const
export const MAX_SKEW_MS = 5 * 60 * 1000
export const NONCE_PATTERN = /^[A-Za-z0-9_-]{16,64}$/
const HEX_SIGNATURE = /^[0-9a-f]{64}$/

export interface PushCredentials {
  appKey: string
  secret: string
}

export function canonicalString(timestamp: string, nonce: string, rawBody: string | Uint8Array, path: string = ROUTES.push.path, method = 'POST'): string {
  return [method, path, timestamp, nonce, sha256Hex(rawBody)].join('\n')
}

export function pushSignature(secret: string, timestamp: string, nonce: string, rawBody: string | Uint8Array, path: string = ROUTES.push.path, method = 'POST'): string {
  return crypto.createHmac('sha256', secret).update(canonicalString(timestamp, nonce, rawBody, path, method), 'utf8').digest('hex')
}

/** Constant-time comparison of the given signature (hex, any case) with the expected one for a request to `path`. */
export function signatureMatches(secret: string, timestamp: string, nonce: string, rawBody: string | Uint8Array, given: string, path: string = ROUTES.push.path, method = 'POST'): boolean {
  const normalised = given.trim().toLowerCase()
  if (!HEX_SIGNATURE.test(normalised)) return false
  const expected = Buffer.from(pushSignature(secret, timestamp, nonce, rawBody, path, method), 'hex')
  return crypto.timingSafeEqual(expected, Buffer.from(normalised, 'hex'))
}

export const newNonce = () => crypto.randomBytes(16).toString('hex')

/** The headers of a signed push of `rawBody` (send exactly these bytes). */
export function signedHeaders(client: PushCredentials, rawBody: string, now: Date, nonce = newNonce(), path: string = ROUTES.push.path, method = 'POST'): Record<string, string> {
  const timestamp = String(now.getTime())
  return {
    ...(method === 'GET' ? {} : { 'content-type': 'application/json' }),
    [PUSH_HEADERS.appKey]: client.appKey,
    [PUSH_HEADERS.timestamp]: timestamp,
    [PUSH_HEADERS.nonce]: nonce,
    [PUSH_HEADERS.signature]: pushSignature(client.secret, timestamp, nonce, rawBody, path, method),
  }
}
