import { chinaDate } from '@/core/calendar/china-date'

export { shiftMonth } from '@/core/stats/monthly'

/** 'YYYY-MM' of now in China, for the dashboard's month switch. */
export const currentMonth = (now = new Date()) => chinaDate(now).slice(0, 7)
