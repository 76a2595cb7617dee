// Progress of one application, derived from its history: pure, shared by the mock server and the app.
import type { ProcessProgress, StageProgress } from '../../contract/progress'
import type { Calendar } from '../calendar/calendar'
import { chinaDate } from '../calendar/china-date'
import type { Service } from '../services'
import { caseFacts, isRunning, type CaseFacts } from './case-facts'
import { effectiveEvents, type ProgressEvent } from './events'
import { stageGaps, type StageGap } from './stage-gaps'
import { stageProgress } from './stage-progress'
import { usedWorkingDays } from './working-days'

export interface ProgressInput {
  service: Service
  /** the submission instant (ISO) */
  submittedAt: string
  /** the whole history in id order, corrections included */
  events: ProgressEvent[]
  now: Date
  calendar: Calendar
}

export interface Progress {
  process: ProcessProgress
  stages: StageProgress[]
  /** the days between stages, counted against the utility: stages + gaps = process.usedDays */
  gaps: StageGap[]
}

function processState(facts: CaseFacts, overdue: boolean): ProcessProgress['state'] {
  if (facts.closed) return facts.closed.type
  if (overdue) return 'overdue'
  return facts.openPause || facts.openSupplement ? 'paused' : 'in-progress'
}

/** The expected completion date: submission + limit + paused working days; the completion date once completed. */
function expectedBy(input: ProgressInput, facts: CaseFacts, pausedDays: number): { date: string; estimated: boolean } {
  if (facts.closed?.type !== 'completed') return input.calendar.addWorkingDays(new Date(input.submittedAt), input.service.totalLimitDays + pausedDays)
  const date = chinaDate(new Date(facts.closed.at))
  return { date, estimated: !input.calendar.hasYear(Number(date.slice(0, 4))) }
}

export function deriveProgress(input: ProgressInput): Progress {
  const { service, calendar } = input
  const facts = caseFacts(effectiveEvents(input.events))
  const end = facts.closed?.at ?? input.now.toISOString()
  const days = usedWorkingDays(input.submittedAt, end, facts.pauses, calendar)
  const expected = expectedBy(input, facts, days.paused)
  const stages = service.stages.map((stage) => stageProgress(stage, { facts, end, calendar }))
  return {
    process: {
      state: processState(facts, days.used > service.totalLimitDays),
      usedDays: days.used,
      pausedDays: days.paused,
      limitDays: service.totalLimitDays,
      limitKind: service.totalLimitKind,
      remainingDays: service.totalLimitDays - days.used,
      expectedBy: expected.date,
      estimated: days.estimated || expected.estimated,
      currentStage: service.stages.find((s) => isRunning(facts, s.code))?.code ?? null,
    },
    stages,
    gaps: stageGaps(service, facts, input.submittedAt, end, calendar),
  }
}
