// Staff accounts and sign-in: scrypt passwords, five failures in a row lock the account for 15 minutes, and an
// unknown account fails exactly like a wrong password (same code, same message, a scrypt check of similar cost).
import type { Staff } from '../../src/contract/staff'
import type { SupplierCode } from '../../src/core/services'
import { hashPassword, verifyPassword } from '../auth/password'
import type { Db } from '../db/open'
import { AppError } from '../http/app-error'

export const MAX_FAILURES = 5
export const LOCK_MS = 15 * 60_000

interface StaffRow {
  username: string
  display_name: string
  role: Staff['role']
  supplier: SupplierCode | null
  password_hash: string
  failed_logins: number
  locked_until: string | null
}

const findRow = (db: Db, username: string) =>
  db.prepare('SELECT username, display_name, role, supplier, password_hash, failed_logins, locked_until FROM staff_account WHERE username = ?')
    .get(username) as StaffRow | undefined

const view = (row: StaffRow): Staff => ({ username: row.username, displayName: row.display_name, role: row.role, supplier: row.supplier })

/** The signed-in staff member; a session whose account is gone is no session. */
export function currentStaff(db: Db, username: string): Staff {
  const row = findRow(db, username)
  if (!row) throw new AppError('UNAUTHENTICATED')
  return view(row)
}

/** Checked against for unknown accounts, so they cost the same scrypt work as a wrong password. */
let dummyHash: string | undefined
const unknownAccountHash = () => (dummyHash ??= hashPassword('no such account', Buffer.alloc(16)))

/** Counts a failure; the fifth in a row (since the last success or lock) locks the account. Returns whether it locked. */
function recordFailure(db: Db, row: StaffRow, now: Date): boolean {
  const failures = (row.locked_until ? 0 : row.failed_logins) + 1
  const lock = failures >= MAX_FAILURES
  db.prepare('UPDATE staff_account SET failed_logins = ?, locked_until = ? WHERE username = ?')
    .run(lock ? 0 : failures, lock ? new Date(now.getTime() + LOCK_MS).toISOString() : null, row.username)
  return lock
}

/** Verifies a sign-in; answers the account, or STAFF_LOGIN_FAILED / STAFF_LOCKED. */
export function signInStaff(db: Db, username: string, password: string, now: Date): Staff {
  const row = findRow(db, username)
  if (!row) {
    verifyPassword(password, unknownAccountHash())
    throw new AppError('STAFF_LOGIN_FAILED')
  }
  if (row.locked_until && row.locked_until > now.toISOString()) throw new AppError('STAFF_LOCKED')
  if (!verifyPassword(password, row.password_hash)) {
    throw new AppError(recordFailure(db, row, now) ? 'STAFF_LOCKED' : 'STAFF_LOGIN_FAILED')
  }
  db.prepare('UPDATE staff_account SET failed_logins = 0, locked_until = NULL WHERE username = ?').run(row.username)
  return view(row)
}
