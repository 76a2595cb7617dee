// Staff accounts and sign-in: scrypt passwords, failures counted per (account, address) with back-off
// (lockouts.ts), and an unknown account fails exactly like a wrong password (same code, same message, a scrypt
// check of similar cost, counted alike).
import type { Staff } from '../../src/contract/staff'
import type { SupplierCode } from '../../src/core/services'
import { hashPassword, verifyPassword } from '../auth/password'
import type { Db } from '../db/open'
import { AppError } from '../http/app-error'
import { clearPair, recordFailure, refuseIfLocked } from './lockouts'

interface StaffRow {
  username: string
  display_name: string
  role: Staff['role']
  supplier: SupplierCode | null
  password_hash: string
}

const findRow = (db: Db, username: string) =>
  db.prepare('SELECT username, display_name, role, supplier, password_hash FROM staff_account WHERE username = ?')
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

/** Verifies a sign-in from `ip`; answers the account, or STAFF_LOGIN_FAILED / STAFF_LOCKED. */
export function signInStaff(db: Db, username: string, password: string, ip: string, now: Date): Staff {
  refuseIfLocked(db, username, ip, now)
  const row = findRow(db, username)
  const ok = verifyPassword(password, row?.password_hash ?? unknownAccountHash())
  if (!row || !ok) throw new AppError(recordFailure(db, username, ip, now) ? 'STAFF_LOCKED' : 'STAFF_LOGIN_FAILED')
  clearPair(db, username, ip)
  return view(row)
}
