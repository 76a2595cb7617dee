// The district's figures from the database: every electricity supply enterprise side by side (the joint connection's
// utilities join once their cases are recorded under their provider code), the 12-month trend, aggregates only.
import type { OversightMonth, OversightTrend } from '../../src/contract/oversight'
import { caseParts, oversightMonth, oversightTrend, trendMonths, type CasePart } from '../../src/core/oversight'
import { SUPPLIER_CODES, type SupplierCode } from '../../src/core/services'
import { monthBounds, reportMoment } from '../../src/core/stats'
import type { Db } from '../db/open'
import { caseRecords, disputes, ratings, refuseFutureMonth } from '../staff/report'
import { complaintRecords } from '../complaints/complaints'
import { takeUpRecords } from './take-up'
import { monthLeads } from '../leads/figures'

/** The providers the district oversees, in column order. */
export const OVERSEEN: readonly SupplierCode[] = SUPPLIER_CODES

/**
 * Ended months' case parts (the heavy part: every case the month concerns), kept in memory while no event has been
 * appended to any case submitted before the month's end since they were computed (`mark`, the last event id then).
 * Every change to a case is an event (stages, pauses, 改派, external works), so a kept part is exactly what
 * recomputing from the log would give (oversight-cache.test). Ratings, follow-ups and leads are read each time.
 */
const kept = new WeakMap<Db, Map<string, { mark: number; parts: Record<string, CasePart> }>>()

const lastEventId = (db: Db) => db.prepare('SELECT COALESCE(MAX(id), 0) FROM application_event').pluck().get() as number
/** CROSS JOIN: the events after the mark first (a rowid range), never a scan of every case submitted before the end. */
const grownSince = (db: Db, mark: number, end: string) => db.prepare(`SELECT 1 FROM application_event e CROSS JOIN application_search s ON s.number = e.application_number
  WHERE e.id > ? AND s.submitted_at < ? LIMIT 1`).get(mark, end) !== undefined

function casePartsOf(db: Db, month: string, at: Date, now: Date, providers: readonly SupplierCode[], fresh: boolean): Record<string, CasePart> {
  const ended = monthHasEnded(month, now) && !fresh
  const memo = kept.get(db) ?? new Map<string, { mark: number; parts: Record<string, CasePart> }>()
  kept.set(db, memo)
  const key = `${month} ${providers.join(',')}`
  const hit = ended ? memo.get(key) : undefined
  if (hit && !grownSince(db, hit.mark, monthBounds(month).end)) return hit.parts
  const mark = lastEventId(db)
  const parts = caseParts({ month, at, providers, cases: caseRecords(db, [...providers], month, at), disputes: disputes(db, [...providers], month) })
  if (ended) memo.set(key, { mark, parts })
  return parts
}

/** Forgets the kept case parts (tests compare them with a recomputation). */
export const forgetCaseParts = (db: Db) => kept.delete(db)

/**
 * The month for every provider; follow-ups judged as of `asOf` (now, or a frozen report's moment). `fresh` reads
 * every case again instead of a kept part (checking a submitted report against the record).
 */
export function districtMonth(db: Db, month: string, now: Date, asOf = now, providers: readonly SupplierCode[] = OVERSEEN, fresh = false): OversightMonth {
  const at = reportMoment(month, now)
  const input = { month, at, asOf, providers, cases: [], ratings: ratings(db, [...providers], month), disputes: [], leads: monthLeads(db, month),
    complaints: complaintRecords(db, providers, month), takeUp: takeUpRecords(db, providers, month, at) }
  return oversightMonth(input, casePartsOf(db, month, at, now, providers, fresh))
}

/** The 12 months ending at `to` (months not yet begun are refused); months before any case give zeros. */
export function districtTrend(db: Db, to: string, now: Date, path = 'query.to'): OversightTrend {
  refuseFutureMonth(to, now, path)
  return oversightTrend(trendMonths(to).map((m) => districtMonth(db, m, now)))
}

/** The month for the district view (a month not yet begun is refused). */
export function checkedDistrictMonth(db: Db, month: string, now: Date): OversightMonth {
  refuseFutureMonth(month, now)
  return districtMonth(db, month, now)
}

export const monthHasEnded = (month: string, now: Date) => monthBounds(month).end <= now.toISOString()
