// 亮证 in the simulator: the dynamic codes a holder's 渝快办 app shows (`YKBLZ1:<kind>:<token>`, short-lived) and the
// use requests an app creates from a scanned code, which the holder approves or refuses.
import crypto from 'node:crypto'
import type { SimDb } from './sim-store'

export const SHOW_CODE_PREFIX = 'YKBLZ1:'
export const SHOW_KINDS = ['id-card', 'property'] as const
export type ShowKind = (typeof SHOW_KINDS)[number]
const SHAPE = /^YKBLZ1:([a-z-]+):([A-Za-z0-9_-]{24})$/
const KEEP_EXPIRED_MS = 24 * 3600 * 1000
/** How long a use request waits for the holder. */
export const TXN_TTL_MS = 10 * 60 * 1000

export interface ShowCode {
  content: string
  expiresAt: Date
}

/**
 * The holder's code for a kind: the live one when there is one (so a page refreshing itself shows a stable
 * code), else a new one. `fresh` always issues a new one.
 */
export function showCodeFor(db: SimDb, o: { identityId: string; kind: ShowKind; ttlSeconds: number; now: Date; fresh?: boolean }): ShowCode {
  const at = o.now.toISOString()
  if (!o.fresh) {
    const live = db.prepare(`SELECT token, expires_at FROM show_code WHERE identity_id = ? AND kind = ? AND expires_at > ?
      ORDER BY expires_at DESC LIMIT 1`).get(o.identityId, o.kind, at) as { token: string; expires_at: string } | undefined
    if (live) return { content: `${SHOW_CODE_PREFIX}${o.kind}:${live.token}`, expiresAt: new Date(live.expires_at) }
  }
  db.prepare('DELETE FROM show_code WHERE expires_at < ?').run(new Date(o.now.getTime() - KEEP_EXPIRED_MS).toISOString())
  const token = crypto.randomBytes(18).toString('base64url')
  const expiresAt = new Date(o.now.getTime() + o.ttlSeconds * 1000)
  db.prepare('INSERT INTO show_code (token, identity_id, kind, created_at, expires_at) VALUES (?, ?, ?, ?, ?)')
    .run(token, o.identityId, o.kind, at, expiresAt.toISOString())
  return { content: `${SHOW_CODE_PREFIX}${o.kind}:${token}`, expiresAt }
}

/** The holder and kind behind a scanned code, or why not. */
export function resolveShowCode(db: SimDb, qr: string, now: Date): { identityId: string; kind: ShowKind } | 'invalid' | 'unknown' | 'expired' {
  const m = SHAPE.exec(qr)
  if (!m || !(SHOW_KINDS as readonly string[]).includes(m[1])) return 'invalid'
  const row = db.prepare('SELECT identity_id, kind, expires_at FROM show_code WHERE token = ?').get(m[2]) as
    | { identity_id: string; kind: ShowKind; expires_at: string }
    | undefined
  if (!row || row.kind !== m[1]) return 'unknown'
  if (row.expires_at <= now.toISOString()) return 'expired'
  return { identityId: row.identity_id, kind: row.kind }
}

export interface TxnRow {
  id: string
  app_key: string
  identity_id: string
  kind: ShowKind
  use_cause: string
  requester: string
  status: 'waiting' | 'approved' | 'refused'
  created_at: string
  expires_at: string
  decided_at: string | null
}

export function createTxn(db: SimDb, o: { appKey: string; identityId: string; kind: ShowKind; useCause: string; requester: string; now: Date }): TxnRow {
  const row: TxnRow = {
    id: `ykbtx_${crypto.randomBytes(12).toString('base64url')}`, app_key: o.appKey, identity_id: o.identityId, kind: o.kind,
    use_cause: o.useCause, requester: o.requester, status: 'waiting', created_at: o.now.toISOString(),
    expires_at: new Date(o.now.getTime() + TXN_TTL_MS).toISOString(), decided_at: null,
  }
  db.prepare(`INSERT INTO show_txn (id, app_key, identity_id, kind, use_cause, requester, status, created_at, expires_at, decided_at)
    VALUES (@id, @app_key, @identity_id, @kind, @use_cause, @requester, @status, @created_at, @expires_at, @decided_at)`).run(row)
  return row
}

export function getTxn(db: SimDb, id: string): TxnRow | undefined {
  return db.prepare('SELECT * FROM show_txn WHERE id = ?').get(id) as TxnRow | undefined
}

/** The status as the requesting app sees it: a waiting request past its expiry is expired. */
export function txnState(txn: TxnRow, now: Date): 'waiting' | 'approved' | 'refused' | 'expired' {
  return txn.status === 'waiting' && txn.expires_at <= now.toISOString() ? 'expired' : txn.status
}

/** Requests still waiting for this holder, oldest first. */
export function pendingTxns(db: SimDb, identityId: string, now: Date): TxnRow[] {
  return db.prepare("SELECT * FROM show_txn WHERE identity_id = ? AND status = 'waiting' AND expires_at > ? ORDER BY created_at, id")
    .all(identityId, now.toISOString()) as TxnRow[]
}

/** The holder's decision; false when the request is no longer waiting. */
export function decideTxn(db: SimDb, id: string, decision: 'approve' | 'refuse', now: Date): boolean {
  const txn = getTxn(db, id)
  if (!txn || txnState(txn, now) !== 'waiting') return false
  db.prepare("UPDATE show_txn SET status = ?, decided_at = ? WHERE id = ? AND status = 'waiting'")
    .run(decision === 'approve' ? 'approved' : 'refused', now.toISOString(), id)
  return true
}
