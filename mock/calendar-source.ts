import fs from 'node:fs'
import { BUNDLED_CALENDAR, createCalendar, mergeCalendarData, type Calendar, type CalendarData } from '../src/core/calendar/calendar'
import { toDay } from '../src/core/calendar/china-date'

/** Bundled years merged with the override file, read on each call so a newly published year needs no restart. */
export function calendarYears(overrideFile: string): { years: CalendarData; source: string } {
  if (!fs.existsSync(overrideFile)) return { years: BUNDLED_CALENDAR, source: 'bundled 2021–2026' }
  const override = JSON.parse(fs.readFileSync(overrideFile, 'utf8')) as CalendarData
  return { years: mergeCalendarData(BUNDLED_CALENDAR, override), source: `bundled 2021–2026 + override (${Object.keys(override).join(', ')})` }
}

const DAY_MS = 24 * 60 * 60 * 1000
const dayNumber = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS

/**
 * The calendar with workingDaysBetween answered from running totals instead of a walk day by day: progress
 * derivation asks it for the case and for every stage, over spans of weeks or months, on every read. The totals
 * are tabulated with the calendar's own isWorkingDay and hasYear from the year before its first year to two years
 * after its last, so the answers are the walk's; dates outside that range still take the walk.
 */
function withRunningTotals(calendar: Calendar): Calendar {
  const years = calendar.years()
  const first = dayNumber(`${(years[0] ?? 2021) - 1}-01-01`)
  const count = dayNumber(`${(years[years.length - 1] ?? 2026) + 2}-12-31`) - first + 1
  // working[i] / unknown[i]: working days / days of years without data, among the first i days of the range
  const working = new Int32Array(count + 1)
  const unknown = new Int32Array(count + 1)
  for (let i = 0; i < count; i++) {
    const day = new Date((first + i) * DAY_MS).toISOString().slice(0, 10)
    working[i + 1] = working[i] + (calendar.isWorkingDay(day) ? 1 : 0)
    unknown[i + 1] = unknown[i] + (calendar.hasYear(Number(day.slice(0, 4))) ? 0 : 1)
  }
  return {
    ...calendar,
    workingDaysBetween(from, to) {
      const a = dayNumber(toDay(from)) - first
      const b = dayNumber(toDay(to)) - first
      if (b <= a) return { days: 0, estimated: false }
      if (a < 0 || b >= count) return calendar.workingDaysBetween(from, to)
      // days in (from, to]: indexes a+1 … b
      return { days: working[b + 1] - working[a + 1], estimated: unknown[b + 1] > unknown[a + 1] }
    },
  }
}

/** The override file's identity (modification time, size, inode), or 'none' when there is no such file. */
function overrideStamp(overrideFile: string): string {
  const stat = fs.statSync(overrideFile, { throwIfNoEntry: false })
  return stat ? `${stat.mtimeMs}:${stat.size}:${stat.ino}` : 'none'
}

const built = new Map<string, { stamp: string; calendar: Calendar }>()

/**
 * The working-day calendar as it stands now (bundled data plus the override file). Building and validating it
 * costs far more than a detail read's own work, so it is rebuilt only when the override file appears, changes
 * or goes away (one stat per call): a newly published year still needs no restart.
 */
export function workingCalendar(overrideFile: string): Calendar {
  const stamp = overrideStamp(overrideFile)
  const hit = built.get(overrideFile)
  if (hit?.stamp === stamp) return hit.calendar
  const calendar = withRunningTotals(createCalendar(calendarYears(overrideFile).years))
  built.set(overrideFile, { stamp, calendar })
  return calendar
}
