// Daily upload quotas, so that one client cannot fill the disk: per user, and per client IP (anyone can make new
// WeChat users). Counted over the last 24 hours in a ledger the orphan sweep does not touch.
import type { Db } from '../db/open'
import { AppError } from '../http/app-error'

export interface Quota {
  files: number
  bytes: number
}
export const USER_QUOTA: Quota = { files: 50, bytes: 100 * 1024 * 1024 }
/** Four users' worth: an office or a mobile carrier puts many applicants behind one address. */
export const IP_FACTOR = 4
export const IP_QUOTA: Quota = { files: USER_QUOTA.files * IP_FACTOR, bytes: USER_QUOTA.bytes * IP_FACTOR }
const DAY_MS = 86_400_000

export interface Quotas {
  user: Quota
  ip: Quota
}
export const DEFAULT_QUOTAS: Quotas = { user: USER_QUOTA, ip: IP_QUOTA }

/** UPLOAD_DAILY_QUOTA, "files/MB" a user may upload a day (an address four times that); refuses nonsense at start. */
export function quotasFrom(setting: string | undefined): Quotas {
  if (setting === undefined) return DEFAULT_QUOTAS
  const m = /^(\d{1,7})\/(\d{1,7})$/.exec(setting)
  if (!m || Number(m[1]) < 1 || Number(m[2]) < 1) throw new Error(`UPLOAD_DAILY_QUOTA must be "files/MB" a user may upload a day, e.g. 50/100, got ${setting}`)
  const user = { files: Number(m[1]), bytes: Number(m[2]) * 1024 * 1024 }
  return { user, ip: { files: user.files * IP_FACTOR, bytes: user.bytes * IP_FACTOR } }
}

function used(db: Db, column: 'owner_id' | 'client_ip', value: string, since: string): Quota {
  return db.prepare(`SELECT COUNT(*) AS files, COALESCE(SUM(size), 0) AS bytes FROM upload_ledger WHERE ${column} = ? AND at > ?`)
    .get(value, since) as Quota
}

const over = (u: Quota, size: number, q: Quota) => u.files + 1 > q.files || u.bytes + size > q.bytes

/** Refuses with UPLOAD_QUOTA when this file would pass the user's or the address's quota; else counts it. */
export function spendQuota(db: Db, ownerId: string, clientIp: string, size: number, now: Date, quotas = DEFAULT_QUOTAS): void {
  const since = new Date(now.getTime() - DAY_MS).toISOString()
  db.transaction(() => {
    if (over(used(db, 'owner_id', ownerId, since), size, quotas.user) || over(used(db, 'client_ip', clientIp, since), size, quotas.ip)) {
      throw new AppError('UPLOAD_QUOTA')
    }
    db.prepare('DELETE FROM upload_ledger WHERE at <= ?').run(since)
    db.prepare('INSERT INTO upload_ledger (owner_id, client_ip, size, at) VALUES (?, ?, ?, ?)').run(ownerId, clientIp, size, now.toISOString())
  })()
}
