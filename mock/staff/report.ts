// The month's figures for supervisors and the admin, from the per-case rows of application_search (figures
// stored when events changed) and the ratings: only the rows the month concerns are read, no history replayed.
import type { Dashboard } from '../../src/contract/staff'
import type { SupplierCode } from '../../src/core/services'
import { monthBounds, monthlyStats, reportMoment, type CaseRecord, type DisputeRecord, type RatingRecord } from '../../src/core/stats'
import type { Db } from '../db/open'
import { fieldError } from '../http/app-error'
import type { ReportScope } from './scope'
import type { ClockRow } from './search'

/** A case of the CSV list: its clock figures, no personal data. */
export interface ReportRow extends ClockRow {
  number: string
  service: string
  township_code: string
  closed_at: string | null
}

const inList = (xs: unknown[]) => xs.map(() => '?').join(', ')

/**
 * The cases a month concerns: submitted or closed in it, or open at its moment (`at`). A month's share of the
 * table is read faster in one scan than through the supplier index, hence `+supplier`.
 */
function monthCases(db: Db, columns: string, suppliers: SupplierCode[], month: string, at: Date, order = '') {
  const { start, end } = monthBounds(month)
  const statement = db.prepare(`SELECT ${columns} FROM application_search WHERE +supplier IN (${inList(suppliers)})
    AND ((submitted_at >= @start AND submitted_at < @end) OR (closed_at >= @start AND closed_at < @end)
      OR (submitted_at <= @at AND (closed_at IS NULL OR closed_at > @at))) ${order}`)
  return { statement, params: [...suppliers, { start, end, at: at.toISOString() }] }
}

/** Only what the statistics read, as arrays (a busy month is 40,000 rows); stage figures only where they are used. */
const RECORD_COLUMNS = `number, service, supplier, township_code, submitted_at, closed_type, closed_at, used_days, paused_days, limit_days, overdue_since, external_works,
  CASE WHEN closed_type = 'completed' AND closed_at >= @start AND closed_at < @end THEN stages_json END`
type RecordTuple = [string, CaseRecord['service'], SupplierCode, string, string, CaseRecord['closedType'], string | null, number, number, number, string | null, number | null, string | null]

export function caseRecords(db: Db, suppliers: SupplierCode[], month: string, at: Date): CaseRecord[] {
  const { statement, params } = monthCases(db, RECORD_COLUMNS, suppliers, month, at)
  return (statement.raw().all(...params) as RecordTuple[]).map(
    ([number, service, supplier, townshipCode, submittedAt, closedType, closedAt, usedDays, pausedDays, limitDays, overdueSince, externalWorks, stages]) => ({
      number, service, supplier, townshipCode, submittedAt, closedType, closedAt, usedDays, pausedDays, limitDays, overdueSince,
      externalWorks: externalWorks === null ? null : externalWorks === 1,
      stages: stages ? (JSON.parse(stages) as CaseRecord['stages']) : [],
    }))
}

/** The month's ratings; CROSS JOIN keeps SQLite reading the ratings first rather than every case of the enterprise. */
export function ratings(db: Db, suppliers: SupplierCode[], month: string): RatingRecord[] {
  const { start, end } = monthBounds(month)
  const rows = db.prepare(`SELECT r.application_number AS number, s.supplier, r.grade, r.rated_at, f.deadline, f.deadline_estimated, f.closed_at
    FROM rating r CROSS JOIN application_search s ON s.number = r.application_number
    LEFT JOIN rating_follow_up f ON f.application_number = r.application_number
    WHERE s.supplier IN (${inList(suppliers)}) AND r.rated_at >= ? AND r.rated_at < ?`).all(...suppliers, start, end) as
    { number: string; supplier: SupplierCode; grade: number; rated_at: string; deadline: string | null; deadline_estimated: number; closed_at: string | null }[]
  return rows.map((r) => ({
    number: r.number, supplier: r.supplier, grade: r.grade, ratedAt: r.rated_at,
    followUp: r.deadline ? { deadline: r.deadline, estimated: r.deadline_estimated === 1, closed: r.closed_at !== null, closedAt: r.closed_at } : null,
  }))
}

/** The month's disputes of a pause or 补正 (applicant 'disputed' events). */
export function disputes(db: Db, suppliers: SupplierCode[], month: string): DisputeRecord[] {
  const { start, end } = monthBounds(month)
  const rows = db.prepare(`SELECT a.supplier, e.payload_json FROM application_event e JOIN application a ON a.number = e.application_number
    WHERE e.type = 'disputed' AND e.at >= ? AND e.at < ? AND a.supplier IN (${inList(suppliers)})`).all(start, end, ...suppliers) as { supplier: SupplierCode; payload_json: string }[]
  return rows.map((r) => ({ supplier: r.supplier, kind: (JSON.parse(r.payload_json) as { kind?: string }).kind === 'done' ? 'done' : 'not-mine' }))
}

/** Refuses a month that has not begun. */
export function refuseFutureMonth(month: string, now: Date, path = 'query.month'): void {
  if (monthBounds(month).start > now.toISOString()) throw fieldError(path, '该月份尚未开始，请选择本月或以前的月份')
}

/** What the month's statistics read for these enterprises: the cases it concerns (at `at`), its ratings and disputes. */
export function monthRecords(db: Db, suppliers: SupplierCode[], month: string, at: Date) {
  return { cases: caseRecords(db, suppliers, month, at), ratings: ratings(db, suppliers, month), disputes: disputes(db, suppliers, month) }
}

/** The month's figures for these enterprises (`supplier` null: both). A month that has not begun is refused. */
export function monthDashboard(db: Db, { suppliers, supplier }: ReportScope, month: string, now: Date): Dashboard {
  refuseFutureMonth(month, now)
  const at = reportMoment(month, now)
  return monthlyStats({ month, supplier, at, ...monthRecords(db, suppliers, month, at) })
}

/** The month's cases for the CSV list, newest first (call after monthDashboard, which checks the month). */
export function monthRows(db: Db, { suppliers }: ReportScope, month: string, now: Date): ReportRow[] {
  const columns = 'number, service, township_code, submitted_at, closed_type, closed_at, paused, limit_days, ceiling_days, used_days, paused_days, anchor_at, expected_by'
  const { statement, params } = monthCases(db, columns, suppliers, month, reportMoment(month, now), 'ORDER BY submitted_at DESC, number DESC')
  return statement.all(...params) as ReportRow[]
}
