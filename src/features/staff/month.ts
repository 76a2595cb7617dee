import { chinaDate } from '@/core/calendar/china-date'

/** 'YYYY-MM' of now in China, and month arithmetic for the dashboard's month switch. */
export const currentMonth = (now = new Date()) => chinaDate(now).slice(0, 7)
export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number)
  const i = y * 12 + (m - 1) + delta
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`
}
