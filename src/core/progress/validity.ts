// What a finished stage handed the applicant that lapses (the 10 kV written supply plan is valid one year): its
// date, expiry and whether to warn (the stage's warnDays before). Pure; dates are China dates.
import { chinaDate, shiftDay } from '../calendar/china-date'
import type { Service } from '../services'
import type { CaseFacts } from './case-facts'

export interface LapsingResult {
  stage: string
  name: string
  issuedOn: string
  validUntil: string
  daysLeft: number
  warn: boolean
}

const DAY_MS = 24 * 3600 * 1000

/** The same day `months` later (clamped to the month's end: 01-31 + 1 month is 02-28). */
function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number)
  const total = y * 12 + (m - 1) + months
  const year = Math.floor(total / 12)
  const month = (total % 12) + 1
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}

/** The lapsing results of the case's finished stages, while it is open (a closed case needs none of them). */
export function lapsingResults(service: Service, facts: CaseFacts, now: Date): LapsingResult[] {
  if (facts.closed) return []
  const today = chinaDate(now)
  return service.stages.flatMap((stage) => {
    const finish = facts.spans.get(stage.code)?.finish
    if (!stage.result || !finish) return []
    const issuedOn = chinaDate(new Date(finish.at))
    const validUntil = shiftDay(addMonths(issuedOn, stage.result.validMonths), -1)
    const daysLeft = Math.round((Date.parse(validUntil) - Date.parse(today)) / DAY_MS)
    return [{ stage: stage.code, name: stage.result.name, issuedOn, validUntil, daysLeft, warn: daysLeft <= stage.result.warnDays }]
  })
}
