// Runs a staff search: count and one page, newest first, from application_search alone; the clock of the page's
// rows is carried forward to now (clock.ts). Names and mobiles leave masked.
import type { z } from 'zod'
import type { staffCaseSummarySchema, staffSearchResult } from '../../src/contract/staff'
import { chinaDate } from '../../src/core/calendar/china-date'
import type { Calendar } from '../../src/core/calendar/calendar'
import { stageName } from '../../src/core/progress'
import { supplierName, serviceByCode, type Service, type SupplierCode } from '../../src/core/services'
import { clockAt, workingDayIndex } from '../../src/core/stats'
import { townshipByCode } from '../../src/core/wanzhou'
import type { Db } from '../db/open'
import { findApplication } from '../progress/case'
import { caseMaterials } from '../progress/case-materials'
import { queryKind, searchSql, type QueryKind, type SearchQuery } from './search-query'

type Summary = z.infer<typeof staffCaseSummarySchema>

/** The stored columns the clock is carried forward from. */
export interface ClockRow {
  submitted_at: string
  closed_type: 'completed' | 'withdrawn' | 'rejected' | null
  paused: number
  limit_days: number
  ceiling_days: number
  used_days: number
  paused_days: number
  anchor_at: string
  expected_by: string
}

/** The stored columns a result needs. */
export interface SearchRow extends ClockRow {
  number: string
  service: string
  supplier: string
  township_code: string
  name_masked: string
  mobile_masked: string
  current_stage: string | null
}

const COLUMNS = `number, service, supplier, township_code, submitted_at, name_masked, mobile_masked, closed_type, paused, current_stage,
  limit_days, ceiling_days, used_days, paused_days, anchor_at, expected_by`

export const serviceOfRow = (row: { service: string }) => serviceByCode(row.service) as Service

/** A row's clock now: the figures stored at its last event, carried forward. */
export function rowClock(row: ClockRow, now: Date, calendar: Calendar) {
  return clockAt({
    submittedAt: row.submitted_at, closedType: row.closed_type, paused: row.paused === 1, limitDays: row.limit_days, ceilingDays: row.ceiling_days,
    usedDays: row.used_days, pausedDays: row.paused_days, anchorAt: row.anchor_at, expectedBy: row.expected_by,
  }, now, calendar)
}

function needsReview(db: Db, number: string): boolean {
  const row = findApplication(db, number)
  return row ? caseMaterials(db, row).some((m) => m.needsReview) : false
}

function summaryOf(db: Db, row: SearchRow, now: Date, calendar: Calendar): Summary {
  const service = serviceOfRow(row)
  const clock = rowClock(row, now, calendar)
  return {
    number: row.number,
    serviceName: service.name,
    supplierName: supplierName(row.supplier),
    townshipName: townshipByCode(row.township_code)?.name ?? '',
    applicantNameMasked: row.name_masked,
    mobileMasked: row.mobile_masked,
    submittedAt: row.submitted_at,
    state: clock.state,
    currentStageName: row.current_stage ? stageName(service, row.current_stage) : null,
    usedDays: clock.usedDays,
    limitDays: row.limit_days,
    ceilingDays: row.ceiling_days,
    remainingDays: clock.remainingDays,
    expectedBy: clock.expectedBy,
    estimated: !calendar.hasYear(Number(clock.expectedBy.slice(0, 4))),
    needsReview: needsReview(db, row.number),
  }
}

export interface SearchAnswer extends z.infer<typeof staffSearchResult> {
  kind: QueryKind
  /** the recognised query value (unmasked: for the caller to mask before logging) */
  value: string
}

export function searchCases(db: Db, q: SearchQuery, suppliers: SupplierCode[], now: Date, calendar: Calendar): SearchAnswer {
  const { kind, value } = queryKind(q.q, now)
  const today = chinaDate(now)
  const { where, params, named } = searchSql(q, kind, value, suppliers, today, workingDayIndex(calendar, today))
  const { n } = db.prepare(`SELECT COUNT(*) AS n FROM application_search WHERE ${where}`).get(...params, named) as { n: number }
  const rows = n === 0 ? [] : db.prepare(`SELECT ${COLUMNS} FROM application_search WHERE ${where}
    ORDER BY submitted_at DESC, number DESC LIMIT ? OFFSET ?`).all(...params, q.pageSize, (q.page - 1) * q.pageSize, named) as SearchRow[]
  return { kind, value, items: rows.map((r) => summaryOf(db, r, now, calendar)), total: n, page: q.page, pageSize: q.pageSize }
}
