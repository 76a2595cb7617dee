// The district's figures from the database: every electricity supply enterprise side by side (the joint connection's
// utilities join once their cases are recorded under their provider code), the 12-month trend, aggregates only.
import type { OversightMonth, OversightTrend } from '../../src/contract/oversight'
import { oversightMonth, oversightTrend, trendMonths } from '../../src/core/oversight'
import { SUPPLIER_CODES, type SupplierCode } from '../../src/core/services'
import { monthBounds, reportMoment } from '../../src/core/stats'
import type { Db } from '../db/open'
import { monthRecords, refuseFutureMonth } from '../staff/report'
import { complaintRecords } from '../complaints/complaints'
import { takeUpRecords } from './take-up'
import { monthLeads } from '../leads/figures'

/** The providers the district oversees, in column order. */
export const OVERSEEN: readonly SupplierCode[] = SUPPLIER_CODES

/** The month for every provider; follow-ups judged as of `asOf` (now, or a frozen report's moment). */
export function districtMonth(db: Db, month: string, now: Date, asOf = now, providers: readonly SupplierCode[] = OVERSEEN): OversightMonth {
  const at = reportMoment(month, now)
  return oversightMonth({
    month, at, asOf, providers, ...monthRecords(db, [...providers], month, at),
    complaints: complaintRecords(db, providers, month), takeUp: takeUpRecords(db, providers, month, at), leads: monthLeads(db, month),
  })
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
