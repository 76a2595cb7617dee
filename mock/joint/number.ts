import { chinaDate } from '../../src/core/calendar/china-date'
import type { Db } from '../db/open'
import { AppError } from '../http/app-error'

/** The next 一件事 number: YJ + China date yyyymmdd + a 6-digit daily sequence, e.g. YJ20261205000001. */
export function nextJointNumber(db: Db, at: Date): string {
  const prefix = `YJ${chinaDate(at).replace(/-/g, '')}`
  const row = db.prepare('SELECT MAX(number) AS last FROM joint_application WHERE number BETWEEN ? AND ?').get(`${prefix}000000`, `${prefix}999999`) as { last: string | null }
  const seq = row.last ? Number(row.last.slice(prefix.length)) + 1 : 1
  if (seq > 999_999) throw new AppError('CONFLICT', '今日申请量已达上限，请明天再提交')
  return `${prefix}${String(seq).padStart(6, '0')}`
}

export const JOINT_NUMBER = /^YJ\d{14}$/
