// Shape, validation and merging of holiday data. The bundled data covers 2021-2026; the server
// loads an override file of the same shape and the app fetches it, so a newly published year
// can be added without a release.
import { isDayString, weekdayOf } from './china-date'

export type YearData = { holidays: string[]; workdays: string[] }
export type CalendarData = Record<string, YearData> // key: 'YYYY'

function checkDays(year: string, field: keyof YearData, value: unknown): string[] {
  const where = `Calendar data, year ${year}, "${field}"`
  if (!Array.isArray(value)) throw new Error(`${where}: expected an array of 'YYYY-MM-DD' strings`)
  value.forEach((day: unknown, i) => {
    if (!isDayString(day)) throw new Error(`${where}[${i}]: "${String(day)}" is not a valid 'YYYY-MM-DD' date`)
    if (!day.startsWith(`${year}-`)) throw new Error(`${where}[${i}]: ${day} does not belong to ${year}`)
  })
  if (new Set(value).size !== value.length) throw new Error(`${where}: contains a date twice`)
  return [...(value as string[])].sort()
}

/**
 * Checks one year's data and returns a sorted copy. Throws an Error naming the year and field when
 * the data is malformed: wrong types, bad or foreign dates, duplicates, a date that is both a holiday
 * and a make-up working day, or a make-up working day that is not a Saturday or Sunday.
 */
export function validateYearData(year: string, value: unknown): YearData {
  if (!/^\d{4}$/.test(year)) throw new Error(`Calendar data: key "${year}" is not a four-digit year`)
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`Calendar data, year ${year}: expected an object { holidays: [...], workdays: [...] }`)
  }
  const record = value as Record<string, unknown>
  const holidays = checkDays(year, 'holidays', record.holidays)
  const workdays = checkDays(year, 'workdays', record.workdays)
  const both = workdays.find((day) => holidays.includes(day))
  if (both) throw new Error(`Calendar data, year ${year}: ${both} is both a holiday and a make-up working day`)
  const weekday = workdays.find((day) => weekdayOf(day) !== 0 && weekdayOf(day) !== 6)
  if (weekday) throw new Error(`Calendar data, year ${year}: make-up working day ${weekday} is not a Saturday or Sunday`)
  return { holidays, workdays }
}

/** Validates a whole data set (e.g. a parsed override file) and returns a sorted copy. */
export function validateCalendarData(data: unknown): CalendarData {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new Error('Calendar data: expected an object keyed by year, e.g. { "2027": { "holidays": [], "workdays": [] } }')
  }
  const result: CalendarData = {}
  for (const [year, value] of Object.entries(data)) result[year] = validateYearData(year, value)
  return result
}

/** Years in `override` replace the same years of `base` as a whole; other years are kept. */
export function mergeCalendarData(base: CalendarData, override: CalendarData): CalendarData {
  return { ...validateCalendarData(base), ...validateCalendarData(override) }
}
