import { chinaDate, chinaDateTime as chinaTimeOf } from '@/core/calendar/china-date'

/**
 * An instant from the server (ISO, UTC) as China time 'YYYY-MM-DD HH:mm', whatever the phone's own time zone:
 * slicing the ISO string would show UTC, eight hours early (and the day before for anything before 08:00).
 */
export function chinaDateTime(iso: string): string {
  return chinaTimeOf(new Date(iso))
}

/** The China calendar date of an instant from the server. */
export const chinaDay = (iso: string): string => chinaDate(new Date(iso))
