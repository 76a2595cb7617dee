import { chinaDate } from '../../src/core/calendar/china-date'
import type { Db } from '../db/open'
import { AppError } from '../http/app-error'
import { statement } from '../progress/statements'

/** The day's highest number: a range on the primary key (an index seek); LIKE would scan the table, being case-insensitive. */
export const dailyMaxSql = (table: 'application' | 'joint_application') => `SELECT MAX(number) AS last FROM ${table} WHERE number BETWEEN ? AND ?`

/**
 * The next number of a daily series: prefix + China date yyyymmdd + a 6-digit daily sequence, read from the
 * table's `number` primary key.
 */
export function nextDailyNumber(db: Db, table: 'application' | 'joint_application', prefix: 'WZ' | 'YJ', at: Date): string {
  const day = `${prefix}${chinaDate(at).replace(/-/g, '')}`
  const row = statement(db, dailyMaxSql(table)).get(`${day}000000`, `${day}999999`) as { last: string | null }
  const seq = row.last ? Number(row.last.slice(day.length)) + 1 : 1
  if (seq > 999_999) throw new AppError('CONFLICT', '今日申请量已达上限，请明天再提交')
  return `${day}${String(seq).padStart(6, '0')}`
}

/** The next application number: WZ + China date yyyymmdd + a 6-digit daily sequence, e.g. WZ20261126000001. */
export const nextApplicationNumber = (db: Db, at: Date): string => nextDailyNumber(db, 'application', 'WZ', at)
