// 按月报送: a 班长 submits the enterprise's month once it has ended; the figures are frozen with their digest (the
// table refuses updates and deletes). The district sees which are in, late or missing, and every figure the event
// log, recomputed as of the submission moment, no longer gives.
import type { EnterpriseMonth, OwnReport, ReportStatus } from '../../src/contract/oversight'
import type { Staff } from '../../src/contract/staff'
import { figureDifferences } from '../../src/core/oversight'
import { providerByCode } from '../../src/core/providers'
import type { SupplierCode } from '../../src/core/services'
import { monthBounds } from '../../src/core/stats'
import { chinaDate } from '../../src/core/calendar/china-date'
import { workingCalendar } from '../calendar-source'
import { canonicalJson, sha256Hex } from '../applications/canonical'
import type { Db } from '../db/open'
import { AppError, fieldError } from '../http/app-error'
import { districtMonth, monthHasEnded, OVERSEEN } from './figures'

/** A report is on time until the end of this working day of the next month (a default, not a published rule). */
export const REPORT_DUE_WORKING_DAY = 5

interface Row { supplier: SupplierCode; month: string; submitted_at: string; submitted_by: string; figures_json: string; digest: string }

const digestOf = (figures: EnterpriseMonth) => sha256Hex(canonicalJson(figures))

export function reportDueBy(month: string, calendarOverrideFile: string): string {
  const nextMonthStart = new Date(monthBounds(month).end)
  // the first working day on or after the 1st counts as day 1
  return workingCalendar(calendarOverrideFile).addWorkingDays(new Date(nextMonthStart.getTime() - 1), REPORT_DUE_WORKING_DAY).date
}

const rowOf = (db: Db, supplier: SupplierCode, month: string) =>
  db.prepare('SELECT supplier, month, submitted_at, submitted_by, figures_json, digest FROM monthly_report WHERE supplier = ? AND month = ?').get(supplier, month) as Row | undefined

/** On time when submitted (China date) on or before the due day. */
const timeliness = (submittedAt: string, dueBy: string): 'in' | 'late' => (chinaDate(new Date(submittedAt)) > dueBy ? 'late' : 'in')

/** A 班长's own month: the figures as they stand now and, once submitted, the frozen report. */
export function ownReport(db: Db, staff: Staff, month: string, now: Date, calendarOverrideFile: string): OwnReport {
  if (!staff.supplier) throw new AppError('FORBIDDEN')
  const supplier = staff.supplier
  const dueBy = reportDueBy(month, calendarOverrideFile)
  const row = rowOf(db, supplier, month)
  return {
    month, provider: supplier, name: providerByCode(supplier)?.name ?? supplier, dueBy, ended: monthHasEnded(month, now),
    current: districtMonth(db, month, now, now, [supplier]),
    submitted: row ? {
      provider: supplier, month, submittedAt: row.submitted_at, submittedBy: row.submitted_by, digest: row.digest,
      figures: JSON.parse(row.figures_json) as EnterpriseMonth, status: timeliness(row.submitted_at, dueBy),
    } : null,
  }
}

export function submitReport(db: Db, staff: Staff, month: string, now: Date) {
  if (!staff.supplier) throw new AppError('FORBIDDEN')
  if (!monthHasEnded(month, now)) throw fieldError('body.month', '该月尚未结束，月末后才能报送')
  const supplier = staff.supplier
  const figures = districtMonth(db, month, now, now, [supplier]).enterprises[0]
  const at = now.toISOString()
  const digest = digestOf(figures)
  return db.transaction(() => {
    if (rowOf(db, supplier, month)) throw new AppError('REPORT_FROZEN')
    db.prepare('INSERT INTO monthly_report (supplier, month, submitted_at, submitted_by, figures_json, digest) VALUES (?, ?, ?, ?, ?, ?)')
      .run(supplier, month, at, staff.username, JSON.stringify(figures), digest)
    return { provider: supplier, month, submittedAt: at, submittedBy: staff.username, digest, figures }
  })()
}

export function reportStatus(db: Db, month: string, now: Date, calendarOverrideFile: string): ReportStatus {
  const dueBy = reportDueBy(month, calendarOverrideFile)
  const rows = db.prepare('SELECT supplier, month, submitted_at, submitted_by, figures_json, digest FROM monthly_report WHERE month = ?').all(month) as Row[]
  const today = chinaDate(now)
  return {
    month, dueBy,
    // 按月报送 is asked of the electricity enterprises (各供电公司); the joint connection's utilities are overseen without it
    reports: OVERSEEN.filter((provider) => providerByCode(provider)?.reportsMonthly).map((provider) => {
      const name = providerByCode(provider)?.name ?? provider
      const row = rows.find((r) => r.supplier === provider)
      if (!row) return { provider, name, status: today > dueBy ? 'missing' : 'not-due', submittedAt: null, digest: null, digestValid: null, differences: [] }
      const reported = JSON.parse(row.figures_json) as EnterpriseMonth
      const submitted = new Date(row.submitted_at)
      const recomputed = districtMonth(db, month, submitted, submitted, [provider], true).enterprises[0]
      return {
        provider, name, status: timeliness(row.submitted_at, dueBy), submittedAt: row.submitted_at, digest: row.digest,
        digestValid: digestOf(reported) === row.digest, differences: figureDifferences(reported, recomputed),
      }
    }),
  }
}
