import { chinaDate } from '../../src/core/calendar/china-date'
import type { Db } from '../db/open'
import { AppError } from '../http/app-error'

/** The next application number: WZ + China date yyyymmdd + a 6-digit daily sequence, e.g. WZ20261126000001. */
export function nextApplicationNumber(db: Db, at: Date): string {
  const prefix = `WZ${chinaDate(at).replace(/-/g, '')}`
  // a range on the primary key (an index seek); LIKE would scan the table, being case-insensitive
  const row = db.prepare('SELECT MAX(number) AS last FROM application WHERE number BETWEEN ? AND ?').get(`${prefix}000000`, `${prefix}999999`) as { last: string | null }
  const seq = row.last ? Number(row.last.slice(prefix.length)) + 1 : 1
  if (seq > 999_999) throw new AppError('CONFLICT', '今日申请量已达上限，请明天再提交')
  return `${prefix}${String(seq).padStart(6, '0')}`
}
