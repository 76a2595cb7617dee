// An average target (10 kV: 28 working days on average) is met or missed by an enterprise over its cases, not by
// one case: the running average of its like cases (same service, same area) completed in the last 12 months,
// from the search index. Memoised for a few minutes per database: it moves slowly, and detail reads are hot.
import type { ApplicationDetail } from '../../src/contract/progress'
import { chinaDate, shiftDay } from '../../src/core/calendar/china-date'
import { EVENT_TYPES } from '../../src/core/progress'
import { supplierName, type ServiceCode } from '../../src/core/services'
import { areaOf, type Area } from '../../src/core/targets'
import { TOWNSHIPS } from '../../src/core/wanzhou'
import type { Db } from '../db/open'

type Average = NonNullable<ApplicationDetail['targets'][number]['average']>

const KEEP_MS = 5 * 60_000
const memo = new WeakMap<Db, Map<string, { until: number; average: Average | null }>>()
const codesIn = (area: Area) => TOWNSHIPS.filter((t) => areaOf(t.kind) === area).map((t) => t.code)

export function runningAverage(db: Db, supplier: string, service: ServiceCode, area: Area, now: Date): Average | null {
  let byKey = memo.get(db)
  if (!byKey) memo.set(db, (byKey = new Map()))
  const key = `${supplier}|${service}|${area}`
  const hit = byKey.get(key)
  if (hit && hit.until > now.getTime()) return hit.average
  const since = shiftDay(chinaDate(now), -365)
  const codes = codesIn(area)
  const row = db.prepare(`SELECT AVG(used_days) AS days, COUNT(*) AS cases FROM application_search
    WHERE supplier = ? AND service = ? AND closed_type = ? AND closed_at >= ? AND township_code IN (${codes.map(() => '?').join(', ')})`)
    .get(supplier, service, EVENT_TYPES.completed, new Date(`${since}T00:00:00+08:00`).toISOString(), ...codes) as { days: number | null; cases: number }
  const average = row.cases > 0 && row.days !== null
    ? { days: Math.round(row.days * 10) / 10, cases: row.cases, supplierName: supplierName(supplier), since }
    : null
  byKey.set(key, { until: now.getTime() + KEEP_MS, average })
  return average
}
