// A case's working-day clock "now", from figures stored at its last event (case-figures.ts), without replaying
// its history. Between two events the clock either runs (every working day counts against the utility) or
// stands (an open pause or supplement request: the days count as paused instead). Pure.
import type { ProcessProgress } from '../../contract/progress'
import type { Calendar } from '../calendar/calendar'
import type { ClosedType } from '../progress'

/** The day before the first year of bundled holiday data; day indexes count working days after it. */
const EPOCH = '2020-12-31'
const indexCache = new WeakMap<Calendar, Map<string, number>>()

/**
 * Working days after EPOCH up to `day` (a China date): one scale on which "working days left" is a
 * subtraction, so a search can filter by it in SQL. Cached per calendar.
 */
export function workingDayIndex(calendar: Calendar, day: string): number {
  let cache = indexCache.get(calendar)
  if (!cache) indexCache.set(calendar, (cache = new Map()))
  let index = cache.get(day)
  if (index === undefined) cache.set(day, (index = calendar.workingDaysBetween(EPOCH, day).days))
  return index
}

/** What the clock needs from the stored figures. */
export interface StoredClock {
  submittedAt: string
  closedType: ClosedType | null
  paused: boolean
  limitDays: number
  /** the used working days past which the case is late: the limit, or for an average limit (10 kV) the per-case ceiling */
  ceilingDays: number
  /** at `anchorAt` (final once closed) */
  usedDays: number
  pausedDays: number
  /** the instant of the last event, when the figures were taken */
  anchorAt: string
  expectedBy: string
}

export interface ClockNow {
  state: ProcessProgress['state']
  usedDays: number
  pausedDays: number
  remainingDays: number
  expectedBy: string
}

/** The clock at `now`; the same figures deriveProgress gives for the whole history at `now`. */
export function clockAt(c: StoredClock, now: Date, calendar: Calendar): ClockNow {
  if (c.closedType) {
    return { state: c.closedType, usedDays: c.usedDays, pausedDays: c.pausedDays, remainingDays: c.limitDays - c.usedDays, expectedBy: c.expectedBy }
  }
  const since = calendar.workingDaysBetween(new Date(c.anchorAt), now).days
  const usedDays = c.paused ? c.usedDays : c.usedDays + since
  const pausedDays = c.paused ? c.pausedDays + since : c.pausedDays
  // while paused the date grows with the paused days, but never before the one stored at the pause (its due date + days left)
  const grown = c.paused ? calendar.addWorkingDays(new Date(c.submittedAt), c.limitDays + pausedDays).date : c.expectedBy
  const expectedBy = grown > c.expectedBy ? grown : c.expectedBy
  const state = usedDays > c.ceilingDays ? 'overdue' : c.paused ? 'paused' : 'in-progress'
  return { state, usedDays, pausedDays, remainingDays: c.limitDays - usedDays, expectedBy }
}
