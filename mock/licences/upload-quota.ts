// Daily upload quotas, so that one client cannot fill the disk: per user, and per client IP (anyone can make new
// WeChat users). Counted over the last 24 hours in a ledger the orphan sweep does not touch.
import type { Db } from '../db/open'
import { AppError } from '../http/app-error'

export interface Quota {
  files: number
  bytes: number
}
export const USER_QUOTA: Quota = { files: 50, bytes: 100 * 1024 * 1024 }
/** Higher than a user's: an office or a mobile carrier puts many applicants behind one address. */
export const IP_QUOTA: Quota = { files: 200, bytes: 400 * 1024 * 1024 }
const DAY_MS = 86_400_000

function used(db: Db, column: 'owner_id' | 'client_ip', value: string, since: string): Quota {
  return db.prepare(`SELECT COUNT(*) AS files, COALESCE(SUM(size), 0) AS bytes FROM upload_ledger WHERE ${column} = ? AND at > ?`)
    .get(value, since) as Quota
}

const over = (u: Quota, size: number, q: Quota) => u.files + 1 > q.files || u.bytes + size > q.bytes

/** Refuses with UPLOAD_QUOTA when this file would pass the user's or the address's quota; else counts it. */
export function spendQuota(db: Db, ownerId: string, clientIp: string, size: number, now: Date): void {
  const since = new Date(now.getTime() - DAY_MS).toISOString()
  db.transaction(() => {
    if (over(used(db, 'owner_id', ownerId, since), size, USER_QUOTA) || over(used(db, 'client_ip', clientIp, since), size, IP_QUOTA)) {
      throw new AppError('UPLOAD_QUOTA')
    }
    db.prepare('DELETE FROM upload_ledger WHERE at <= ?').run(since)
    db.prepare('INSERT INTO upload_ledger (owner_id, client_ip, size, at) VALUES (?, ?, ?, ?)').run(ownerId, clientIp, size, now.toISOString())
  })()
}
