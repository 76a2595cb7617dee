// Staff accounts for a deployment (npm run staff): production seeds none, so the operator adds each enterprise's
// customer service, its 班长, the administrator and the district's account here. A role that works its own
// enterprise's cases needs the enterprise; the others have none. Passwords are stored as scrypt hashes only; a
// new or reset password ends every sign-in of the account.
import crypto from 'node:crypto'
import { providerByCode, PROVIDER_CODES } from '../../src/core/providers'
import { STAFF_ROLE_CODES, STAFF_ROLES, type StaffRoleCode } from '../../src/core/staff-roles'
import { hashPassword } from '../auth/password'
import type { Db } from '../db/open'

export class AccountRefused extends Error {}

export interface NewAccount {
  username: string
  displayName: string
  role: string
  provider?: string
  /** at least 12 characters with a letter and a digit; generated when omitted */
  password?: string
}

export interface AccountRow {
  username: string
  displayName: string
  role: StaffRoleCode
  provider: string | null
  demo: boolean
  createdAt: string
}

const USERNAME = /^[a-z][a-z0-9-]{2,31}$/
export const PASSWORD_RULE = '至少12个字符，含字母和数字'

function checkPassword(password: string): void {
  if (password.length < 12 || !/[A-Za-z]/.test(password) || !/\d/.test(password)) throw new AccountRefused(`密码应${PASSWORD_RULE}`)
}

/** 16 random characters with letters and digits (base64url, retried until both are present). */
export function generatePassword(): string {
  for (;;) {
    const p = crypto.randomBytes(12).toString('base64url')
    if (/[A-Za-z]/.test(p) && /\d/.test(p)) return p
  }
}

/** Adds an account; the password it was given or generated (shown to the operator once, stored only hashed). */
export function addAccount(db: Db, a: NewAccount, now: Date): string {
  if (!USERNAME.test(a.username)) throw new AccountRefused('用户名应为3–32个小写字母、数字或连字符，以字母开头')
  const displayName = a.displayName.trim()
  if (displayName.length < 2 || displayName.length > 40) throw new AccountRefused('显示名称应为2–40个字')
  if (!STAFF_ROLE_CODES.includes(a.role as StaffRoleCode)) throw new AccountRefused(`角色应为 ${STAFF_ROLE_CODES.join('、')} 之一`)
  const rules = STAFF_ROLES[a.role as StaffRoleCode]
  if (rules.cases === 'own' && !providerByCode(a.provider)) throw new AccountRefused(`${rules.name}须指定所属企业（${PROVIDER_CODES.join('、')}）`)
  if (rules.cases !== 'own' && a.provider) throw new AccountRefused(`${rules.name}不属于某一企业，请勿指定企业`)
  const password = a.password ?? generatePassword()
  checkPassword(password)
  if (db.prepare('SELECT 1 FROM staff_account WHERE username = ?').get(a.username)) throw new AccountRefused(`用户名 ${a.username} 已存在`)
  db.prepare(`INSERT INTO staff_account (username, display_name, role, supplier, password_hash, demo, created_at) VALUES (?, ?, ?, ?, ?, 0, ?)`)
    .run(a.username, displayName, a.role, rules.cases === 'own' ? a.provider : null, hashPassword(password), now.toISOString())
  return password
}

/** Sets a new password (given or generated) and ends every sign-in of the account; the password. */
export function resetPassword(db: Db, username: string, now: Date, password = generatePassword()): string {
  checkPassword(password)
  return db.transaction(() => {
    const changed = db.prepare('UPDATE staff_account SET password_hash = ? WHERE username = ?').run(hashPassword(password), username).changes
    if (changed === 0) throw new AccountRefused(`没有用户名为 ${username} 的账号`)
    db.prepare("UPDATE session SET revoked_at = ? WHERE kind = 'staff' AND subject_id = ? AND revoked_at IS NULL").run(now.toISOString(), username)
    db.prepare('DELETE FROM staff_lockout WHERE username = ?').run(username)
    return password
  })()
}

export function listAccounts(db: Db): AccountRow[] {
  return (db.prepare('SELECT username, display_name, role, supplier, demo, created_at FROM staff_account ORDER BY username').all() as
    { username: string; display_name: string; role: StaffRoleCode; supplier: string | null; demo: number; created_at: string }[])
    .map((r) => ({ username: r.username, displayName: r.display_name, role: r.role, provider: r.supplier, demo: r.demo === 1, createdAt: r.created_at }))
}
