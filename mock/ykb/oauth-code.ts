// The simulator's one-time authorisation codes and the user tokens they are exchanged for. Only hashes are stored.
import crypto from 'node:crypto'
import type { SimDb } from './sim-store'

/** How long a 渝快办 authorisation code can be exchanged. */
export const CODE_TTL_MS = 5 * 60 * 1000
/** How long a user token lets an app query the user's data (渝快办's JS-API tokens last about 2 hours). */
export const TOKEN_TTL_MS = 2 * 3600 * 1000

const hash = (s: string) => crypto.createHash('sha256').update(s, 'utf8').digest('hex')

/** Issues a one-time code for an identity and the scopes it granted. */
export function issueCode(db: SimDb, identityId: string, scopes: string[], at: Date): string {
  const code = crypto.randomBytes(24).toString('base64url')
  db.prepare('INSERT INTO oauth_code (code_hash, identity_id, scopes, expires_at) VALUES (?, ?, ?, ?)')
    .run(hash(code), identityId, scopes.join(','), new Date(at.getTime() + CODE_TTL_MS).toISOString())
  return code
}

/** Exchanges a code once for a user token; unknown, used or expired codes give undefined alike. */
export function exchangeCode(db: SimDb, code: string, appKey: string, at: Date): { accessToken: string; expiresAt: string; identityId: string } | undefined {
  return db.transaction(() => {
    const row = db.prepare('SELECT identity_id, scopes, expires_at, used_at FROM oauth_code WHERE code_hash = ?').get(hash(code)) as
      | { identity_id: string; scopes: string; expires_at: string; used_at: string | null }
      | undefined
    if (!row || row.used_at || row.expires_at <= at.toISOString()) return undefined
    db.prepare('UPDATE oauth_code SET used_at = ? WHERE code_hash = ?').run(at.toISOString(), hash(code))
    return issueToken(db, row.identity_id, appKey, row.scopes.split(','), at)
  })()
}

export function issueToken(db: SimDb, identityId: string, appKey: string, scopes: string[], at: Date) {
  const accessToken = crypto.randomBytes(32).toString('base64url')
  const expiresAt = new Date(at.getTime() + TOKEN_TTL_MS).toISOString()
  db.prepare('DELETE FROM user_token WHERE expires_at < ?').run(at.toISOString())
  db.prepare('INSERT INTO user_token (token_hash, identity_id, app_key, scopes, expires_at) VALUES (?, ?, ?, ?, ?)')
    .run(hash(accessToken), identityId, appKey, scopes.join(','), expiresAt)
  return { accessToken, expiresAt, identityId }
}

/** The identity a live token of this app speaks for, and the scopes it was granted. */
export function tokenOwner(db: SimDb, token: string, appKey: string, at: Date): { identityId: string; scopes: string[] } | undefined {
  const row = db.prepare('SELECT identity_id, app_key, scopes, expires_at FROM user_token WHERE token_hash = ?').get(hash(token)) as
    | { identity_id: string; app_key: string; scopes: string; expires_at: string }
    | undefined
  if (!row || row.app_key !== appKey || row.expires_at <= at.toISOString()) return undefined
  return { identityId: row.identity_id, scopes: row.scopes.split(',') }
}
