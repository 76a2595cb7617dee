// The district's figures from the database: every electricity supply enterprise side by side (the joint connection's
// utilities join once their cases are recorded under their provider code), the 12-month trend, aggregates only.
import type { OversightMonth, OversightTrend } from '../../src/contract/oversight'
import { caseParts, oversightMonth, oversightTrend, trendMonths, type CasePart } from '../../src/core/oversight'
import { SUPPLIER_CODES, type SupplierCode } from '../../src/core/services'
import { monthBounds, reportMoment, type RatingRecord } from '../../src/core/stats'
import type { TakeUpRecord } from '../../src/core/oversight/month'
import type { Db } from '../db/open'
import { caseRecords, disputes, ratings, refuseFutureMonth } from '../staff/report'
import { complaintRecords } from '../complaints/complaints'
import { takeUpRecords } from './take-up'
import { monthLeads } from '../leads/figures'

/** The providers the district oversees, in column order. */
export const OVERSEEN: readonly SupplierCode[] = SUPPLIER_CODES

/**
 * Ended months' case part (the heavy part: every case the month concerns) and ratings, kept in memory while nothing
 * they depend on has changed since they were read: no event appended to a case submitted before the month's end
 * (every change to a case is an event: stages, pauses, 改派, external works, corrections; `mark` is the last event
 * id then) and no 差评 follow-up closed since (`followUps`). A rating is given at the server's time, so an ended
 * month gains none. Take-up is kept too: an ended month's is counted as of its last instant (starts, submissions and
 * receipts are all stamped with the server's time, so it gains none later). Leads and complaints are read each time; so a
 * kept month equals recomputing from the log (oversight-cache.test).
 */
interface Kept { mark: number; followUps: string; parts: Record<string, CasePart>; ratings: RatingRecord[]; takeUp: TakeUpRecord[] }
const kept = new WeakMap<Db, Map<string, Kept>>()

const lastEventId = (db: Db) => db.prepare('SELECT COALESCE(MAX(id), 0) FROM application_event').pluck().get() as number
/** CROSS JOIN: the events after the mark first (a rowid range), never a scan of every case submitted before the end. */
const grownSince = (db: Db, mark: number, end: string) => db.prepare(`SELECT 1 FROM application_event e CROSS JOIN application_search s ON s.number = e.application_number
  WHERE e.id > ? AND s.submitted_at < ? LIMIT 1`).get(mark, end) !== undefined
const followUpState = (db: Db) => JSON.stringify(db.prepare('SELECT COUNT(closed_at), MAX(closed_at) FROM rating_follow_up').raw().get())

function monthPartsOf(db: Db, month: string, at: Date, now: Date, providers: readonly SupplierCode[], fresh: boolean): Pick<Kept, 'parts' | 'ratings' | 'takeUp'> {
  const ended = monthHasEnded(month, now) && !fresh
  const memo = kept.get(db) ?? new Map<string, Kept>()
  kept.set(db, memo)
  const key = `${month} ${providers.join(',')}`
  const hit = ended ? memo.get(key) : undefined
  if (hit && hit.followUps === followUpState(db) && !grownSince(db, hit.mark, monthBounds(month).end)) return hit
  const mark = lastEventId(db)
  const followUps = followUpState(db)
  const parts = caseParts({ month, at, providers, cases: caseRecords(db, [...providers], month, at), disputes: disputes(db, [...providers], month) })
  const read = { parts, ratings: ratings(db, [...providers], month), takeUp: takeUpRecords(db, providers, month, at) }
  if (ended) memo.set(key, { mark, followUps, ...read })
  return read
}

/** Forgets the kept case parts (tests compare them with a recomputation). */
export const forgetCaseParts = (db: Db) => kept.delete(db)

/**
 * The month for every provider; follow-ups judged as of `asOf` (now, or a frozen report's moment). `fresh` reads
 * every case again instead of a kept part (checking a submitted report against the record).
 */
export function districtMonth(db: Db, month: string, now: Date, asOf = now, providers: readonly SupplierCode[] = OVERSEEN, fresh = false): OversightMonth {
  const at = reportMoment(month, now)
  const { parts, ratings: rated, takeUp } = monthPartsOf(db, month, at, now, providers, fresh)
  return oversightMonth({ month, at, asOf, providers, cases: [], ratings: rated, disputes: [], leads: monthLeads(db, month),
    complaints: complaintRecords(db, providers, month), takeUp }, parts)
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
