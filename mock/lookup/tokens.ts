// Lookup tokens: after a correct number + mobile + code, 30 minutes of refreshing that one case. Stored hashed.
import crypto from 'node:crypto'
import { sha256Hex } from '../applications/canonical'
import type { Db } from '../db/open'

export const LOOKUP_TOKEN_HEADER = 'x-lookup-token'
const TOKEN_TTL_MS = 30 * 60 * 1000

export function issueLookupToken(db: Db, number: string, now: Date): { lookupToken: string; expiresAt: string } {
  const lookupToken = crypto.randomBytes(32).toString('base64url')
  const expiresAt = new Date(now.getTime() + TOKEN_TTL_MS).toISOString()
  db.prepare('INSERT INTO lookup_token (token_hash, number, created_at, expires_at) VALUES (?, ?, ?, ?)').run(sha256Hex(lookupToken), number, now.toISOString(), expiresAt)
  return { lookupToken, expiresAt }
}

/** Whether the token is live and was issued for this number. */
export function lookupTokenAllows(db: Db, token: string, number: string, now: Date): boolean {
  if (!token) return false
  const row = db.prepare('SELECT number, expires_at FROM lookup_token WHERE token_hash = ?').get(sha256Hex(token)) as { number: string; expires_at: string } | undefined
  return row !== undefined && row.number === number && row.expires_at > now.toISOString()
}
