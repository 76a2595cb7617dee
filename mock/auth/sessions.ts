import crypto from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import type { Db } from '../db/open'
import { AppError } from '../http/app-error'
import { sha256 } from '../sha256'

export type SessionKind = 'applicant' | 'staff'
export interface Principal {
  kind: SessionKind
  /** app_user.id for applicants, staff_account.username for staff */
  id: string
}

export interface SessionTtl {
  accessSeconds: number
  refreshSeconds: number
  /** how long a staff sign-in lasts at most, refreshes included; a working day (STAFF_DAY_SECONDS) when omitted */
  staffSeconds?: number
}
export const DEFAULT_TTL: SessionTtl = { accessSeconds: 2 * 3600, refreshSeconds: 30 * 24 * 3600 }
/** A staff sign-in lasts a working day at most, however often it is refreshed: then the password again. */
export const STAFF_DAY_SECONDS = 10 * 3600

type Pair = { token: string; refreshToken: string; expiresAt: string }

const hashOfToken = (token: string) => sha256(token, 'hex')
const newToken = () => crypto.randomBytes(32).toString('base64url')

/** Opaque bearer tokens; only their hashes are stored. */
export class Sessions {
  private lookup?: ReturnType<Db['prepare']>

  constructor(private readonly db: Db, private readonly ttl: SessionTtl = DEFAULT_TTL, private readonly now = () => new Date()) {}

  /**
   * A new pair. Every pair rotated from one sign-in shares its `family`; a staff family ends a working day after
   * the sign-in (`until`), an applicant's refresh token lives its full lifetime from each rotation.
   */
  create(kind: SessionKind, subjectId: string, family?: { id: string; until?: string }): Pair {
    const token = newToken()
    const refreshToken = newToken()
    const at = this.now()
    const refreshSeconds = kind === 'staff' ? Math.min(this.ttl.refreshSeconds, this.ttl.staffSeconds ?? STAFF_DAY_SECONDS) : this.ttl.refreshSeconds
    const refreshExpiresAt = family?.until ?? new Date(at.getTime() + refreshSeconds * 1000).toISOString()
    const accessEnd = new Date(at.getTime() + this.ttl.accessSeconds * 1000).toISOString()
    const expiresAt = accessEnd < refreshExpiresAt ? accessEnd : refreshExpiresAt
    this.db.prepare(`INSERT INTO session (token_hash, refresh_hash, kind, subject_id, created_at, expires_at, refresh_expires_at, family_id)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(hashOfToken(token), hashOfToken(refreshToken), kind, subjectId, at.toISOString(), expiresAt, refreshExpiresAt,
      family?.id ?? crypto.randomUUID())
    return { token, refreshToken, expiresAt }
  }

  /** The principal behind a bearer token, or a documented refusal. */
  resolve(token: string | undefined, kind: SessionKind): Principal {
    if (!token) throw new AppError('UNAUTHENTICATED')
    // every authenticated request comes through here: the statement is compiled once
    this.lookup ??= this.db.prepare('SELECT kind, subject_id, expires_at, revoked_at FROM session WHERE token_hash = ?')
    const row = this.lookup.get(hashOfToken(token)) as
      | { kind: SessionKind; subject_id: string; expires_at: string; revoked_at: string | null }
      | undefined
    if (!row || row.revoked_at) throw new AppError('UNAUTHENTICATED')
    if (row.kind !== kind) throw new AppError('FORBIDDEN')
    if (row.expires_at <= this.now().toISOString()) throw new AppError('SESSION_EXPIRED')
    return { kind: row.kind, id: row.subject_id }
  }

  /**
   * Rotates: the old refresh token stops working, a new pair is issued. A refresh token used a second time (or
   * after logout) means it was copied: every session of its family is revoked, the thief's and the owner's.
   */
  refresh(refreshToken: string): Pair {
    const row = this.db.prepare('SELECT token_hash, kind, subject_id, refresh_expires_at, revoked_at, family_id FROM session WHERE refresh_hash = ?')
      .get(hashOfToken(refreshToken)) as { token_hash: string; kind: SessionKind; subject_id: string; refresh_expires_at: string; revoked_at: string | null; family_id: string } | undefined
    if (row?.revoked_at) {
      this.db.prepare('UPDATE session SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL').run(this.now().toISOString(), row.family_id)
    }
    if (!row || row.revoked_at || row.refresh_expires_at <= this.now().toISOString()) throw new AppError('SESSION_EXPIRED')
    return this.db.transaction(() => {
      this.revokeHash(row.token_hash)
      return this.create(row.kind, row.subject_id, { id: row.family_id, ...(row.kind === 'staff' ? { until: row.refresh_expires_at } : {}) })
    })()
  }

  revoke(token: string): void {
    this.revokeHash(hashOfToken(token))
  }

  private revokeHash(tokenHash: string): void {
    this.db.prepare('UPDATE session SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL').run(this.now().toISOString(), tokenHash)
  }
}

export function bearer(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization
  return h?.startsWith('Bearer ') ? h.slice(7).trim() || undefined : undefined
}
