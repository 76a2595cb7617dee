import fs from 'node:fs'
import { BUNDLED_CALENDAR, createCalendar, mergeCalendarData, type Calendar, type CalendarData } from '../src/core/calendar/calendar'
import { shiftDay, toDay } from '../src/core/calendar/china-date'

/** Bundled years merged with the override file, read on each call so a newly published year needs no restart. */
export function calendarYears(overrideFile: string): { years: CalendarData; source: string } {
  if (!fs.existsSync(overrideFile)) return { years: BUNDLED_CALENDAR, source: 'bundled 2021–2026' }
  const override = JSON.parse(fs.readFileSync(overrideFile, 'utf8')) as CalendarData
  return { years: mergeCalendarData(BUNDLED_CALENDAR, override), source: `bundled 2021–2026 + override (${Object.keys(override).join(', ')})` }
}

const DAY_MS = 24 * 60 * 60 * 1000
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000
/** day number 0, to name a day number with shiftDay */
const EPOCH_DAY = '1970-01-01'
const dayNumber = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS
/** The day number of an instant's China date, or of a day string (checked as toDay checks it), without naming the day. */
const dayNumberOf = (day: string | Date) =>
  day instanceof Date ? Math.floor((day.getTime() + CHINA_OFFSET_MS) / DAY_MS) : dayNumber(toDay(day))

/**
 * The calendar with workingDaysBetween and addWorkingDays answered from running totals instead of a walk day by
 * day: progress derivation asks them for the case and for every stage and gap, over spans of weeks or months, on
 * every read. The totals are tabulated with the calendar's own isWorkingDay and hasYear from the year before its
 * first year to two years after its last, so the answers are the walk's; dates outside that range (and steps
 * backwards) still take the walk. Instants become day numbers by arithmetic (China time has no DST), not through
 * their 'YYYY-MM-DD' names.
 */
export function withRunningTotals(calendar: Calendar): Calendar {
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
      const a = dayNumberOf(from) - first
      const b = dayNumberOf(to) - first
      // outside the table, or an invalid Date (NaN): the walk (which throws on the latter)
      if (!(a >= 0 && b < count)) return calendar.workingDaysBetween(from, to)
      if (b <= a) return { days: 0, estimated: false }
      // days in (from, to]: indexes a+1 … b
      return { days: working[b + 1] - working[a + 1], estimated: unknown[b + 1] > unknown[a + 1] }
    },
    addWorkingDays(from, n) {
      const a = dayNumberOf(from) - first
      if (!Number.isInteger(n) || n < 0 || !(a >= 0 && a < count) || working[count] - working[a + 1] < n) return calendar.addWorkingDays(from, n)
      // the day n working days on: the first index b >= a with working[b + 1] = working[a + 1] + n
      const wanted = working[a + 1] + n
      let lo = a
      let hi = count - 1
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if (working[mid + 1] >= wanted) hi = mid
        else lo = mid + 1
      }
      // the walk refuses data without a working day for over a year: let it say so
      if (lo - a > 366) return calendar.addWorkingDays(from, n)
      return { date: shiftDay(EPOCH_DAY, first + lo), estimated: unknown[lo + 1] > unknown[a + 1] }
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
