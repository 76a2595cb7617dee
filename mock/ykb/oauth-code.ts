import crypto from 'node:crypto'
import type { Db } from '../db/open'
import { AppError } from '../http/app-error'
import { sha256Hex } from '../applications/canonical'

/** How long a 渝快办 authorisation code can be exchanged. */
export const CODE_TTL_MS = 5 * 60 * 1000

/** Issues a one-time code for an identity and the scopes it granted; only its hash is stored. */
export function issueCode(db: Db, identityId: string, scopes: string[], at: Date): string {
  const code = crypto.randomBytes(24).toString('base64url')
  db.prepare('INSERT INTO oauth_code (code_hash, identity_id, scopes, expires_at) VALUES (?, ?, ?, ?)')
    .run(sha256Hex(code), identityId, scopes.join(','), new Date(at.getTime() + CODE_TTL_MS).toISOString())
  return code
}

/** Exchanges a code once: unknown, used or expired codes are refused alike. */
export function consumeCode(db: Db, code: string, at: Date): { identityId: string; scopes: string[] } {
  return db.transaction(() => {
    const hash = sha256Hex(code)
    const row = db.prepare('SELECT identity_id, scopes, expires_at, used_at FROM oauth_code WHERE code_hash = ?').get(hash) as
      | { identity_id: string; scopes: string; expires_at: string; used_at: string | null }
      | undefined
    if (!row || row.used_at || row.expires_at <= at.toISOString()) throw new AppError('LOGIN_CODE_INVALID')
    db.prepare('UPDATE oauth_code SET used_at = ? WHERE code_hash = ?').run(at.toISOString(), hash)
    return { identityId: row.identity_id, scopes: row.scopes.split(',') }
  })()
}
