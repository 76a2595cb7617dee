// Working-day calendar for China (Asia/Shanghai). Years with data follow the State Council's
// holidays and make-up working days; any other year is computed as plain Monday-Friday weekdays,
// and every result that touched such a year is flagged `estimated`.
import { HOLIDAYS_2021_2026 } from './holidays-2021-2026'
import { validateCalendarData, type CalendarData } from './calendar-data'
import { compareDays, shiftDay, toDay, weekdayOf } from './china-date'

export type { YearData, CalendarData } from './calendar-data'
export { mergeCalendarData, validateCalendarData } from './calendar-data'
export { chinaDate } from './china-date'

export interface Calendar {
  hasYear(year: number): boolean
  /** `day` is a 'YYYY-MM-DD' China date or an instant (converted to its China date). */
  isWorkingDay(day: string | Date): boolean
  /** N working days after the China date of `from` (the start day itself does not count). */
  addWorkingDays(from: string | Date, n: number): { date: string; estimated: boolean }
  /** Working days in (China date of from, China date of to]; 0 if to <= from. */
  workingDaysBetween(from: string | Date, to: string | Date): { days: number; estimated: boolean }
  years(): number[]
}

/** Longest run of non-working days tolerated before the data is judged broken. */
const MAX_NON_WORKING_RUN = 366

export function createCalendar(data: CalendarData): Calendar {
  const checked = validateCalendarData(data)
  const holidays = new Set<string>()
  const workdays = new Set<string>()
  for (const year of Object.values(checked)) {
    year.holidays.forEach((day) => holidays.add(day))
    year.workdays.forEach((day) => workdays.add(day))
  }
  const yearList = Object.keys(checked).map(Number).sort((a, b) => a - b)
  const yearSet = new Set(yearList)

  const hasYear = (year: number) => yearSet.has(year)
  const known = (day: string) => yearSet.has(Number(day.slice(0, 4)))
  const working = (day: string) => {
    if (workdays.has(day)) return true
    if (holidays.has(day)) return false
    const weekday = weekdayOf(day)
    return weekday !== 0 && weekday !== 6
  }

  return {
    hasYear,
    isWorkingDay: (day) => working(toDay(day)),
    addWorkingDays(from, n) {
      if (!Number.isInteger(n)) throw new RangeError(`addWorkingDays: n must be an integer, got ${n}`)
      const step = n < 0 ? -1 : 1
      let day = toDay(from)
      let estimated = false
      let run = 0
      for (let counted = 0; counted < Math.abs(n); ) {
        day = shiftDay(day, step)
        if (!known(day)) estimated = true
        if (working(day)) {
          counted += 1
          run = 0
        } else if (++run > MAX_NON_WORKING_RUN) {
          throw new Error(`Calendar data has no working day for over a year around ${day}`)
        }
      }
      return { date: day, estimated }
    },
    workingDaysBetween(from, to) {
      const start = toDay(from)
      const end = toDay(to)
      let days = 0
      let estimated = false
      for (let day = start; compareDays(day, end) < 0; ) {
        day = shiftDay(day, 1)
        if (!known(day)) estimated = true
        if (working(day)) days += 1
      }
      return { days, estimated }
    },
    years: () => [...yearList],
  }
}

/** The bundled 2021-2026 data, the base onto which override years are merged. */
export const BUNDLED_CALENDAR: CalendarData = HOLIDAYS_2021_2026

/** The calendar built from the bundled data. For newer years: createCalendar(mergeCalendarData(...)). */
export const calendar: Calendar = createCalendar(BUNDLED_CALENDAR)
