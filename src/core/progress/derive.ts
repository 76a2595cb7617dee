// Progress of one application, derived from its history: pure, shared by the mock server and the app.
import type { ProcessProgress, StageProgress } from '../../contract/progress'
import type { Calendar } from '../calendar/calendar'
import { chinaDate } from '../calendar/china-date'
import type { Service } from '../services'
import { lateAfterDays } from '../targets'
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
  /** caseFacts of the effective events, when the caller has them already (else derived from `events`) */
  facts?: CaseFacts
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

/** The due date of the open pause or 补正, if it gave one. */
function openDue(facts: CaseFacts): string | null {
  const dues = [facts.openPause, facts.openSupplement].map((e) => e?.payload.dueBy).filter((d): d is string => typeof d === 'string')
  return dues.sort().at(-1) ?? null
}

/**
 * The expected completion date: submission + limit + paused working days; the completion date once completed.
 * While the clock stands with a due date, the days left can only start running after it: not before
 * due date + days left (the stand may end sooner, and the date moves back with it).
 */
function expectedBy(input: ProgressInput, facts: CaseFacts, days: { used: number; paused: number }): { date: string; estimated: boolean } {
  const { calendar, service } = input
  if (facts.closed?.type === 'completed') {
    const date = chinaDate(new Date(facts.closed.at))
    return { date, estimated: !calendar.hasYear(Number(date.slice(0, 4))) }
  }
  const byPauses = calendar.addWorkingDays(new Date(input.submittedAt), service.totalLimitDays + days.paused)
  const due = facts.closed ? null : openDue(facts)
  if (!due) return byPauses
  const afterDue = calendar.addWorkingDays(due, Math.max(0, service.totalLimitDays - days.used))
  return afterDue.date > byPauses.date ? afterDue : byPauses
}

export function deriveProgress(input: ProgressInput): Progress {
  const { service, calendar } = input
  const facts = input.facts ?? caseFacts(effectiveEvents(input.events))
  const end = facts.closed?.at ?? input.now.toISOString()
  const days = usedWorkingDays(input.submittedAt, end, facts.pauses, calendar)
  const expected = expectedBy(input, facts, days)
  const stages = service.stages.map((stage) => stageProgress(stage, { facts, end, calendar }))
  return {
    process: {
      // an average target (10 kV) is not a per-case deadline: one case is late only past the per-case ceiling
      state: processState(facts, days.used > lateAfterDays(service)),
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
