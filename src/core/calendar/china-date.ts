// Date helpers for China Standard Time (Asia/Shanghai, UTC+8, no daylight saving time).
// A "day" is a 'YYYY-MM-DD' string naming a China calendar date; arithmetic on it is done in UTC
// so that the host's own time zone never matters.

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`)

/**
 * 'YYYY-MM-DD' of a day number (days since 1970-01-01), by arithmetic on the proleptic Gregorian calendar
 * (H. Hinnant's civil_from_days): progress derivation names days by the dozen on every detail read, and
 * Date#toISOString was a measurable part of it. Years outside 1000–9999 take toISOString's spelling.
 */
function dayName(days: number): string {
  const z = days + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0)
  if (year < 1000 || year > 9999) return new Date(days * DAY_MS).toISOString().slice(0, 10)
  return `${year}-${pad2(month)}-${pad2(day)}`
}

/** The China calendar date ('YYYY-MM-DD') of an instant. */
export function chinaDate(instant: Date): string {
  const ms = instant.getTime()
  if (Number.isNaN(ms)) throw new RangeError('chinaDate: invalid Date')
  return dayName(Math.floor((ms + CHINA_OFFSET_MS) / DAY_MS))
}

/** An instant as China time 'YYYY-MM-DD HH:mm', whatever the host's own time zone. */
export function chinaDateTime(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ')
}

/** True when y-m-d names a date that exists in the Gregorian calendar. */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false
  const probe = new Date(Date.UTC(year, month - 1, day))
  probe.setUTCFullYear(year) // Date.UTC maps years 0-99 to 1900-1999
  return probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day
}

/** True for a well-formed 'YYYY-MM-DD' string naming a real date. */
export function isDayString(value: unknown): value is string {
  if (typeof value !== 'string') return false
  const m = DAY_PATTERN.exec(value)
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))
}

/** Normalises a day string or an instant to a China calendar date; throws on anything else. */
export function toDay(day: string | Date): string {
  if (day instanceof Date) return chinaDate(day)
  if (!isDayString(day)) throw new RangeError(`Expected a 'YYYY-MM-DD' date, got "${String(day)}"`)
  return day
}

/** Day number since 1970-01-01 (UTC), for arithmetic. */
function dayIndex(day: string): number {
  return Math.round(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS)
}

/** The day `delta` days after (or, when negative, before) `day`. */
export function shiftDay(day: string, delta: number): string {
  return dayName(dayIndex(day) + delta)
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: string): number {
  return (((dayIndex(day) + 4) % 7) + 7) % 7 // 1970-01-01 was a Thursday
}

/** Compares two day strings; they sort lexicographically. */
export function compareDays(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
