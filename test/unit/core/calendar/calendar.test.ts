import fc from 'fast-check'
import { calendar, chinaDate } from '@/core/calendar/calendar'
import { shiftDay } from '@/core/calendar/china-date'

describe('isWorkingDay', () => {
  it.each([
    ['2026-02-14', true, 'a make-up Saturday'],
    ['2026-02-28', true, 'a make-up Saturday'],
    ['2026-10-10', true, 'a make-up Saturday'],
    ['2026-09-20', true, 'a make-up Sunday'],
    ['2026-02-16', false, 'a Spring Festival Monday'],
    ['2026-10-01', false, 'National Day'],
    ['2026-03-07', false, 'an ordinary Saturday'],
    ['2026-03-09', true, 'an ordinary Monday'],
  ])('should say %s is a working day: %s when it is %s', (day, expected) => {
    expect(calendar.isWorkingDay(day)).toBe(expected)
  })

  it('should use the China date when given an instant shortly after China midnight', () => {
    // 2026-02-14 16:30 UTC is 2026-02-15 00:30 in China: a holiday, although the UTC date is a make-up workday.
    expect(calendar.isWorkingDay(new Date('2026-02-14T16:30:00Z'))).toBe(false)
    expect(calendar.isWorkingDay(new Date('2026-09-30T15:59:59Z'))).toBe(true)
    expect(calendar.isWorkingDay(new Date('2026-09-30T16:00:00Z'))).toBe(false)
  })

  it('should treat a year without data as plain Monday to Friday', () => {
    expect(calendar.isWorkingDay('2027-01-01')).toBe(true)
    expect(calendar.isWorkingDay('2027-01-02')).toBe(false)
  })

  it('should throw when the day is not a real YYYY-MM-DD date', () => {
    expect(() => calendar.isWorkingDay('2026-02-30')).toThrow()
    expect(() => calendar.isWorkingDay('2026/02/14')).toThrow()
  })
})

describe('chinaDate', () => {
  it('should move to the next date when UTC is 16:00 or later', () => {
    expect(chinaDate(new Date('2026-12-31T15:59:59.999Z'))).toBe('2026-12-31')
    expect(chinaDate(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01')
  })

  // the date is computed by arithmetic (no Date#toISOString); the reference is toISOString on the shifted instant
  const SEED = 20261205
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10)
  it('should name the same date as toISOString of the China-shifted instant, for any instant from 1000 to 9999 (fast-check, fixed seed)', () => {
    const instant = fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9999, 11, 31) - 8 * 3600_000 })
    fc.assert(fc.property(instant, (ms) => chinaDate(new Date(ms)) === iso(ms + 8 * 3600_000)), { seed: SEED, numRuns: 20_000, verbose: true })
  })

  it('should cross month ends, leap days and century years when shifting a day', () => {
    expect(shiftDay('2024-02-28', 1)).toBe('2024-02-29')
    expect(shiftDay('2100-02-28', 1)).toBe('2100-03-01')
    expect(shiftDay('2000-03-01', -1)).toBe('2000-02-29')
    expect(shiftDay('2026-12-31', 1)).toBe('2027-01-01')
    const day = fc.integer({ min: Date.UTC(1000, 0, 1) / 86_400_000, max: Date.UTC(9999, 0, 1) / 86_400_000 })
    fc.assert(fc.property(day, fc.integer({ min: -400, max: 400 }), (d, delta) => shiftDay(iso(d * 86_400_000), delta) === iso((d + delta) * 86_400_000)),
      { seed: SEED, numRuns: 20_000, verbose: true })
  })
})

describe('addWorkingDays', () => {
  it.each([
    ['2026-02-13', 1, '2026-02-14', 'the make-up Saturday before the Spring Festival'],
    ['2026-02-14', 1, '2026-02-24', 'across the Spring Festival'],
    ['2026-02-13', 2, '2026-02-24', 'across the make-up Saturday and the Spring Festival'],
    ['2026-02-27', 1, '2026-02-28', 'the make-up Saturday after the Spring Festival'],
    ['2026-09-30', 1, '2026-10-08', 'across National Day'],
    ['2026-09-30', 3, '2026-10-10', 'onto the make-up Saturday after National Day'],
    ['2026-09-30', 4, '2026-10-12', 'past the make-up Saturday after National Day'],
    ['2026-09-19', 1, '2026-09-20', 'the make-up Sunday before Mid-Autumn'],
    ['2026-03-06', 7, '2026-03-17', 'over an ordinary weekend'],
    ['2026-03-06', 0, '2026-03-06', 'zero days'],
    ['2026-02-24', -1, '2026-02-14', 'backwards across the Spring Festival'],
  ])('should go from %s by %i to %s when counting %s', (from, n, date) => {
    expect(calendar.addWorkingDays(from, n)).toEqual({ date, estimated: false })
  })

  it('should start from the China date when given an instant just after China midnight', () => {
    // 2026-02-13 16:00 UTC is 2026-02-14 00:00 in China.
    expect(calendar.addWorkingDays(new Date('2026-02-13T16:00:00Z'), 1)).toEqual({ date: '2026-02-24', estimated: false })
    expect(calendar.addWorkingDays(new Date('2026-02-13T15:59:00Z'), 1)).toEqual({ date: '2026-02-14', estimated: false })
  })

  it('should flag the result as an estimate when the count runs into 2027', () => {
    expect(calendar.addWorkingDays('2026-12-30', 5)).toEqual({ date: '2027-01-06', estimated: true })
  })

  it('should flag the result as an estimate when the count runs before 2021', () => {
    expect(calendar.addWorkingDays('2021-01-04', -1)).toEqual({ date: '2020-12-31', estimated: true })
  })

  it('should throw when n is not an integer', () => {
    expect(() => calendar.addWorkingDays('2026-03-06', 1.5)).toThrow()
  })
})

describe('workingDaysBetween', () => {
  it('should count (from, to] when both are in 2026', () => {
    expect(calendar.workingDaysBetween('2026-02-13', '2026-02-24')).toEqual({ days: 2, estimated: false })
    expect(calendar.workingDaysBetween('2026-09-30', '2026-10-12')).toEqual({ days: 4, estimated: false })
  })

  it('should return 0 when to is on or before from', () => {
    expect(calendar.workingDaysBetween('2026-03-10', '2026-03-10')).toEqual({ days: 0, estimated: false })
    expect(calendar.workingDaysBetween('2026-03-10', '2026-03-01')).toEqual({ days: 0, estimated: false })
  })

  it('should count China dates when given instants either side of China midnight', () => {
    const from = new Date('2026-02-13T15:00:00Z') // 2026-02-13 23:00 China
    const to = new Date('2026-02-23T16:30:00Z') // 2026-02-24 00:30 China
    expect(calendar.workingDaysBetween(from, to)).toEqual({ days: 2, estimated: false })
  })

  it('should flag 2027 as an estimate when the span reaches it', () => {
    expect(calendar.workingDaysBetween('2026-12-31', '2027-12-31')).toEqual({ days: 261, estimated: true })
  })
})
