// Working days counted against the utility: days in (start, end] (China dates, calendar.workingDaysBetween),
// minus the working days inside pauses. Overlapping pauses count once.
import type { Calendar } from '../calendar/calendar'
import { chinaDate } from '../calendar/china-date'
import type { PauseInterval } from './case-facts'

export interface UsedDays {
  used: number
  paused: number
  estimated: boolean
}

const dayOf = (instant: string) => chinaDate(new Date(instant))

/** The pauses as China-date ranges (a, b] clipped to (from, to], sorted and merged. */
function pauseRanges(pauses: PauseInterval[], from: string, to: string): [string, string][] {
  if (!pauses.length) return []
  const lo = dayOf(from)
  const hi = dayOf(to)
  const ranges = pauses
    .map((p): [string, string] => {
      const a = dayOf(p.from)
      const b = dayOf(p.to ?? to)
      return [a > lo ? a : lo, b < hi ? b : hi]
    })
    .filter(([a, b]) => a < b)
    .sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))
  const merged: [string, string][] = []
  for (const range of ranges) {
    const last = merged[merged.length - 1]
    if (last && range[0] <= last[1]) last[1] = range[1] > last[1] ? range[1] : last[1]
    else merged.push([...range])
  }
  return merged
}

/** Working days from `from` to `to` (instants), with the paused ones taken out. */
export function usedWorkingDays(from: string, to: string, pauses: PauseInterval[], calendar: Calendar): UsedDays {
  const total = calendar.workingDaysBetween(new Date(from), new Date(to))
  let paused = 0
  let estimated = total.estimated
  for (const [a, b] of pauseRanges(pauses, from, to)) {
    const inPause = calendar.workingDaysBetween(a, b)
    paused += inPause.days
    estimated = estimated || inPause.estimated
  }
  return { used: Math.max(0, total.days - paused), paused, estimated }
}
