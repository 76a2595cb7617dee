import fs from 'node:fs'
import { BUNDLED_CALENDAR, createCalendar, mergeCalendarData, type Calendar, type CalendarData } from '../src/core/calendar/calendar'

/** Bundled years merged with the override file, read on each call so a newly published year needs no restart. */
export function calendarYears(overrideFile: string): { years: CalendarData; source: string } {
  if (!fs.existsSync(overrideFile)) return { years: BUNDLED_CALENDAR, source: 'bundled 2021–2026' }
  const override = JSON.parse(fs.readFileSync(overrideFile, 'utf8')) as CalendarData
  return { years: mergeCalendarData(BUNDLED_CALENDAR, override), source: `bundled 2021–2026 + override (${Object.keys(override).join(', ')})` }
}

/** The working-day calendar as it stands now (bundled data plus the override file). */
export function workingCalendar(overrideFile: string): Calendar {
  return createCalendar(calendarYears(overrideFile).years)
}
