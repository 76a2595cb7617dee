import { BUNDLED_CALENDAR, calendar, createCalendar, mergeCalendarData } from '@/core/calendar/calendar'

const range = (from: string, to: string) => {
  const days: string[] = []
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10))
  }
  return days
}

describe('bundled data', () => {
  it('should cover exactly 2021 to 2026', () => {
    expect(calendar.years()).toEqual([2021, 2022, 2023, 2024, 2025, 2026])
    expect(calendar.hasYear(2026)).toBe(true)
    expect(calendar.hasYear(2027)).toBe(false)
  })

  it('should list the 2026 holidays of section 6 exactly', () => {
    expect(BUNDLED_CALENDAR['2026'].holidays).toEqual([
      ...range('2026-01-01', '2026-01-03'),
      ...range('2026-02-15', '2026-02-23'),
      ...range('2026-04-04', '2026-04-06'),
      ...range('2026-05-01', '2026-05-05'),
      ...range('2026-06-19', '2026-06-21'),
      ...range('2026-09-25', '2026-09-27'),
      ...range('2026-10-01', '2026-10-07'),
    ])
  })

  it('should list the 2026 make-up working days of section 6 exactly', () => {
    expect(BUNDLED_CALENDAR['2026'].workdays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'])
  })

  it.each([
    [2021, 250],
    [2022, 249],
    [2023, 249],
    [2024, 251],
    [2025, 248],
    [2026, 248],
  ])('should count %i working days in %i when the whole year is spanned', (year, days) => {
    expect(calendar.workingDaysBetween(`${year - 1}-12-31`, `${year}-12-31`)).toEqual({ days, estimated: false })
  })
})

describe('mergeCalendarData', () => {
  const year2027 = {
    '2027': {
      holidays: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-02-08', '2027-02-09'],
      workdays: ['2027-02-06'],
    },
  }

  it('should make 2027 exact and change the result when a 2027 override is merged', () => {
    const merged = createCalendar(mergeCalendarData(BUNDLED_CALENDAR, year2027))
    expect(merged.hasYear(2027)).toBe(true)
    expect(merged.years()).toEqual([2021, 2022, 2023, 2024, 2025, 2026, 2027])
    expect(merged.addWorkingDays('2026-12-30', 5)).toEqual({ date: '2027-01-07', estimated: false })
    expect(merged.isWorkingDay('2027-02-06')).toBe(true)
    expect(merged.isWorkingDay('2027-02-08')).toBe(false)
  })

  it('should replace a whole year and leave the base untouched when the override has that year', () => {
    const merged = mergeCalendarData(BUNDLED_CALENDAR, { '2026': { holidays: ['2026-10-01'], workdays: [] } })
    expect(createCalendar(merged).isWorkingDay('2026-02-16')).toBe(true)
    expect(merged['2025']).toEqual(BUNDLED_CALENDAR['2025'])
    expect(calendar.isWorkingDay('2026-02-16')).toBe(false)
  })

  it('should sort the dates when the override lists them out of order', () => {
    const merged = mergeCalendarData({}, { '2027': { holidays: ['2027-01-02', '2027-01-01'], workdays: [] } })
    expect(merged['2027'].holidays).toEqual(['2027-01-01', '2027-01-02'])
  })

  it.each([
    ['not an object', [], 'expected an object keyed by year'],
    ['a bad year key', { '27': { holidays: [], workdays: [] } }, 'not a four-digit year'],
    ['a year without lists', { '2027': { holidays: [] } }, '"workdays": expected an array'],
    ['a date that does not exist', { '2027': { holidays: ['2027-02-30'], workdays: [] } }, 'not a valid'],
    ['a date from another year', { '2027': { holidays: ['2028-01-01'], workdays: [] } }, 'does not belong to 2027'],
    ['a duplicate', { '2027': { holidays: ['2027-01-01', '2027-01-01'], workdays: [] } }, 'twice'],
    ['a day in both lists', { '2027': { holidays: ['2027-02-06'], workdays: ['2027-02-06'] } }, 'both a holiday'],
    ['a make-up day on a weekday', { '2027': { holidays: [], workdays: ['2027-02-08'] } }, 'not a Saturday or Sunday'],
  ])('should throw a clear error when the override has %s', (_label, override, message) => {
    expect(() => mergeCalendarData(BUNDLED_CALENDAR, override as never)).toThrow(message)
  })

  it('should refuse bad data when a calendar is created directly', () => {
    expect(() => createCalendar({ '2027': { holidays: ['2027-13-01'], workdays: [] } })).toThrow('not a valid')
  })
})
