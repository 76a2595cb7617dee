// The server's calendar answers working-day questions from running totals: every answer must be the walk's.
import { BUNDLED_CALENDAR, createCalendar, mergeCalendarData } from '../../../src/core/calendar/calendar'
import { withRunningTotals } from '../../../mock/calendar-source'

const DAY_MS = 24 * 3600_000
/** A fixed pseudo-random sequence (mulberry32), so a failure names the same case on every run. */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

// from before the table (2020) to after it (2029, estimated years beyond), at any time of day
const FROM = Date.UTC(2018, 11, 20)
const TO = Date.UTC(2030, 0, 10)
/** The China date of an instant, as a day string. */
const chinaDay = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10)

describe.each([
  ['bundled', BUNDLED_CALENDAR],
  ['bundled + an override year', mergeCalendarData(BUNDLED_CALENDAR, { 2027: { holidays: ['2027-01-01', '2027-02-08', '2027-02-09'], workdays: ['2027-02-06'] } })],
])('running totals over the %s calendar', (_what, data) => {
  const walk = createCalendar(data)
  const totals = withRunningTotals(walk)
  const next = random(14)
  const instant = () => new Date(FROM + Math.floor(next() * (TO - FROM)))

  it('should count the working days between two instants or days as the walk does', () => {
    const differ: unknown[] = []
    for (let i = 0; i < 1000; i++) {
      const a = instant()
      const b = i % 10 === 0 ? a : new Date(a.getTime() + Math.floor((next() - 0.2) * 400 * DAY_MS))
      const [da, db] = [a, b].map(chinaDay)
      for (const [x, y] of [[a, b], [da, db]] as const) {
        const [got, want] = [totals.workingDaysBetween(x, y), walk.workingDaysBetween(x, y)]
        if (got.days !== want.days || got.estimated !== want.estimated) differ.push({ from: x, to: y, got, want })
      }
    }
    expect(differ).toEqual([])
  })

  it('should add working days to an instant or a day as the walk does, estimated alike', () => {
    const differ: unknown[] = []
    for (let i = 0; i < 1000; i++) {
      const from = instant()
      const n = i % 50 === 0 ? 0 : Math.floor(next() * 90) - (i % 7 === 0 ? 20 : 0)
      for (const x of [from, chinaDay(from)]) {
        const [got, want] = [totals.addWorkingDays(x, n), walk.addWorkingDays(x, n)]
        if (got.date !== want.date || got.estimated !== want.estimated) differ.push({ from: x, n, got, want })
      }
    }
    expect(differ).toEqual([])
  })

  it('should refuse what the walk refuses', () => {
    const invalid = new Date(Number.NaN)
    expect(() => totals.workingDaysBetween(invalid, new Date())).toThrow(RangeError)
    expect(() => totals.workingDaysBetween(new Date(), invalid)).toThrow(RangeError)
    expect(() => totals.addWorkingDays(invalid, 3)).toThrow(RangeError)
    expect(() => totals.addWorkingDays('2026-02-30', 3)).toThrow(RangeError)
    expect(() => totals.workingDaysBetween('2026-13-01', '2026-12-01')).toThrow(RangeError)
    expect(() => totals.addWorkingDays('2026-03-02', 1.5)).toThrow(RangeError)
  })
})
