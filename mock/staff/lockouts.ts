// Failed staff sign-ins are counted per (account, client address): five in a row from one address lock that
// account for that address only, so nobody can keep every staff account locked from elsewhere. Each further lock
// of the same pair lasts twice as long (15 min, 30 min, 1 h … at most a day); a success or an administrator
// clears it. Unknown accounts are counted alike, so a lock says nothing about whether an account exists.
import type { StaffLockout } from '../../src/contract/staff'
import type { Db } from '../db/open'
import { AppError } from '../http/app-error'

export const MAX_FAILURES = 5
export const FIRST_LOCK_MS = 15 * 60_000
export const MAX_LOCK_MS = 24 * 3600_000
/** A pair that has not failed for this long starts its back-off again. */
const FORGET_MS = 24 * 3600_000

interface LockoutRow {
  id: number
  username: string
  client_ip: string
  failures: number
  locks: number
  locked_until: string | null
  last_failure_at: string
}

const rowOf = (db: Db, username: string, ip: string) =>
  db.prepare('SELECT * FROM staff_lockout WHERE username = ? AND client_ip = ?').get(username, ip) as LockoutRow | undefined

/** Refuses with STAFF_LOCKED while this account is locked for this address. */
export function refuseIfLocked(db: Db, username: string, ip: string, now: Date): void {
  const row = rowOf(db, username, ip)
  if (row?.locked_until && row.locked_until > now.toISOString()) throw new AppError('STAFF_LOCKED')
}

/** How long the n-th lock (1, 2, …) of a pair lasts. */
export const lockMs = (n: number) => Math.min(FIRST_LOCK_MS * 2 ** (n - 1), MAX_LOCK_MS)

/** Counts a failure; answers whether it locked the pair. Pairs forgotten and not locked are pruned on the way. */
export function recordFailure(db: Db, username: string, ip: string, now: Date): boolean {
  return db.transaction(() => {
    db.prepare('DELETE FROM staff_lockout WHERE last_failure_at < ? AND (locked_until IS NULL OR locked_until <= ?)')
      .run(new Date(now.getTime() - FORGET_MS).toISOString(), now.toISOString())
    const row = rowOf(db, username, ip)
    const stale = !row || now.getTime() - Date.parse(row.last_failure_at) > FORGET_MS
    const locks = stale ? 0 : row.locks
    const failures = (stale || row.locked_until ? 0 : row.failures) + 1
    const lock = failures >= MAX_FAILURES
    const until = lock ? new Date(now.getTime() + lockMs(locks + 1)).toISOString() : null
    db.prepare(`INSERT INTO staff_lockout (username, client_ip, failures, locks, locked_until, last_failure_at) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (username, client_ip) DO UPDATE SET failures = excluded.failures, locks = excluded.locks, locked_until = excluded.locked_until,
      last_failure_at = excluded.last_failure_at`).run(username, ip, lock ? 0 : failures, lock ? locks + 1 : locks, until, now.toISOString())
    return lock
  })()
}

/** A success forgets the pair's failures and back-off. */
export function clearPair(db: Db, username: string, ip: string): void {
  db.prepare('DELETE FROM staff_lockout WHERE username = ? AND client_ip = ?').run(username, ip)
}

/** What an administrator sees: pairs locked now, or failing now, newest first. */
export function currentLockouts(db: Db, now: Date): StaffLockout[] {
  const rows = db.prepare(`SELECT * FROM staff_lockout WHERE locked_until > ? OR last_failure_at > ? ORDER BY last_failure_at DESC, id DESC LIMIT 200`)
    .all(now.toISOString(), new Date(now.getTime() - FORGET_MS).toISOString()) as LockoutRow[]
  return rows.map((r) => ({
    id: r.id, username: r.username, clientIp: r.client_ip, failures: r.failures, locks: r.locks,
    lockedUntil: r.locked_until && r.locked_until > now.toISOString() ? r.locked_until : null, lastFailureAt: r.last_failure_at,
  }))
}

/** An administrator clears one pair (its lock and its back-off); NOT_FOUND when there is no such pair. */
export function clearLockout(db: Db, id: number): LockoutRow {
  const row = db.prepare('SELECT * FROM staff_lockout WHERE id = ?').get(id) as LockoutRow | undefined
  if (!row) throw new AppError('NOT_FOUND', '未找到该锁定记录，可能已解除')
  db.prepare('DELETE FROM staff_lockout WHERE id = ?').run(id)
  return row
}
