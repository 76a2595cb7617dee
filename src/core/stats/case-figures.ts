// What one case's history comes to at its last event: the figures stored per case so that the staff search
// and the monthly statistics never replay event logs at request time. Recomputed whenever an event is
// appended; clock.ts carries them forward to "now". Pure.
import type { Calendar } from '../calendar/calendar'
import { chinaDate, shiftDay } from '../calendar/china-date'
import { caseFacts, deriveProgress, effectiveEvents, externalWorksIn, usedWorkingDays, type CaseFacts, type ProgressEvent } from '../progress'
import type { Service } from '../services'
import { lateAfterDays } from '../targets'
import { workingDayIndex, type StoredClock } from './clock'

export interface StageFigure {
  code: string
  usedDays: number
  limitDays: number
  /** a gap between stages (stage-gaps.ts): code 'gap:<after>><before>', its own name, no allowance (limit 0) */
  name?: string
}

export interface CaseFigures extends Omit<StoredClock, 'submittedAt'> {
  closedAt: string | null
  currentStage: string | null
  /** open and running: the working-day index (clock.ts) of the day on which no working day remains */
  dueIndex: number | null
  /** the China date the case first used more working days than its ceiling (late); for an open running case, when it will */
  overdueSince: string | null
  /** whether staff recorded that the case needs external line works (the national target depends on it); null: not yet */
  externalWorks: boolean | null
  /** the stages and 10 kV checkpoints that have started, with the working days each used */
  stages: StageFigure[]
}

export interface FiguresInput {
  service: Service
  submittedAt: string
  /** the whole history in id order, corrections included */
  events: ProgressEvent[]
  calendar: Calendar
}

const DAY_MS = 24 * 3600 * 1000
/** An instant inside China date `day`: the clock counts whole China dates. */
const middayOf = (day: string) => new Date(`${day}T12:00:00+08:00`).toISOString()

/** The first China date in (from, to] on which used working days exceed `limit`; used days never decrease. */
function firstDayOver(input: FiguresInput, facts: CaseFacts, limit: number, to: string): string {
  const from = chinaDate(new Date(input.submittedAt))
  const usedBy = (offset: number) => usedWorkingDays(input.submittedAt, middayOf(shiftDay(from, offset)), facts.pauses, input.calendar).used
  let lo = 0 // used ≤ limit here
  let hi = Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS) // used > limit here
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2)
    if (usedBy(mid) > limit) hi = mid
    else lo = mid
  }
  return shiftDay(from, hi)
}

export function caseFigures(input: FiguresInput): CaseFigures {
  const { service, submittedAt, events, calendar } = input
  const anchorAt = events.reduce((latest, e) => (e.at > latest ? e.at : latest), submittedAt)
  const anchorDay = chinaDate(new Date(anchorAt))
  const { process, stages, gaps } = deriveProgress({ service, submittedAt, events, now: new Date(anchorAt), calendar })
  const effective = effectiveEvents(events)
  const facts = caseFacts(effective)
  const closed = facts.closed
  const paused = !closed && (facts.openPause !== null || facts.openSupplement !== null)
  const running = !closed && !paused
  // late is judged against the ceiling: a 10 kV case's 28 days are an average, one case is late only past 40
  const ceilingDays = lateAfterDays(service)
  const left = ceilingDays - process.usedDays
  let overdueSince: string | null = null
  if (left < 0) overdueSince = firstDayOver(input, facts, ceilingDays, closed ? chinaDate(new Date(closed.at)) : anchorDay)
  else if (running) overdueSince = calendar.addWorkingDays(anchorDay, left + 1).date
  return {
    closedType: closed?.type ?? null,
    closedAt: closed?.at ?? null,
    paused,
    currentStage: process.currentStage,
    limitDays: process.limitDays,
    ceilingDays,
    usedDays: process.usedDays,
    pausedDays: process.pausedDays,
    anchorAt,
    expectedBy: process.expectedBy,
    dueIndex: running ? workingDayIndex(calendar, anchorDay) + left : null,
    overdueSince,
    externalWorks: externalWorksIn(effective),
    stages: [
      ...stages.flatMap((s) => [s, ...s.checkpoints])
        .filter((s) => s.startedAt !== null)
        .map((s) => ({ code: s.code, usedDays: s.usedDays, limitDays: s.limitDays })),
      ...gaps.map((g) => ({ code: `gap:${g.after ?? ''}>${g.before ?? ''}`, name: g.name, usedDays: g.usedDays, limitDays: 0 })),
    ],
  }
}
