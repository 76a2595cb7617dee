// The public page's figures, computed from the district's months and kept for the China day: recomputed on the
// first request of each new day (so at least daily) and never more often, whoever asks.
import type { PublicTimes } from '../../src/contract/oversight'
import { publicTimes, trendMonths } from '../../src/core/oversight'
import { chinaDate } from '../../src/core/calendar/china-date'
import { shiftMonth } from '../../src/core/stats'
import type { Db } from '../db/open'
import { districtMonth } from './figures'

/** The 12 complete months before `now`'s month: published figures do not move while a month runs. */
export const publishedMonths = (now: Date) => trendMonths(shiftMonth(chinaDate(now).slice(0, 7), -1))

export function computePublicTimes(db: Db, now: Date): PublicTimes {
  return publicTimes(publishedMonths(now).map((m) => districtMonth(db, m, now)), now)
}

export function publicTimesCache(db: Db, now: () => Date): () => PublicTimes {
  let kept: { day: string; value: PublicTimes } | undefined
  return () => {
    const at = now()
    const day = chinaDate(at)
    if (kept?.day !== day) kept = { day, value: computePublicTimes(db, at) }
    return kept.value
  }
}
