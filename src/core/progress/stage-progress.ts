// One stage's (or 10 kV checkpoint's) progress: state, times, handler, working days used against its limit.
import type { StageProgress } from '../../contract/progress'
import type { Calendar } from '../calendar/calendar'
import type { Stage } from '../services'
import type { CaseFacts } from './case-facts'
import type { ProgressEvent } from './events'
import { usedWorkingDays } from './working-days'

export type StageFields = Omit<StageProgress, 'checkpoints'>

export interface StageContext {
  facts: CaseFacts
  /** the instant the clock stops: now, or when the case closed */
  end: string
  calendar: Calendar
}

const text = (e: ProgressEvent | undefined, key: string): string | null => {
  const value = e?.payload[key]
  return typeof value === 'string' && value !== '' ? value : null
}

function stateOf(started: boolean, finished: boolean, overdue: boolean, facts: CaseFacts): StageFields['state'] {
  if (!started) return 'not-started'
  if (overdue) return 'overdue'
  if (finished) return 'done'
  const pauseOpen = facts.openPause !== null || facts.openSupplement !== null
  return pauseOpen && !facts.closed ? 'paused' : 'in-progress'
}

/** Exactly at the limit is not overdue; one working day more is. */
export function stageFields(stage: Stage, { facts, end, calendar }: StageContext): StageFields {
  const span = facts.spans.get(stage.code) ?? {}
  const startedAt = span.start?.at ?? null
  const finishedAt = span.finish?.at ?? null
  const days = startedAt ? usedWorkingDays(startedAt, finishedAt ?? end, facts.pauses, calendar) : { used: 0, estimated: false }
  return {
    code: stage.code,
    name: stage.name,
    state: stateOf(startedAt !== null, finishedAt !== null, days.used > stage.limitDays, facts),
    startedAt,
    finishedAt,
    handler: text(span.finish, 'handler') ?? text(span.start, 'handler'),
    opinion: text(span.finish, 'opinion') ?? text(span.start, 'opinion'),
    usedDays: days.used,
    limitDays: stage.limitDays,
    limitSource: stage.limitSource,
    remainingDays: stage.limitDays - days.used,
    estimated: days.estimated,
  }
}

/** A top-level stage with the checkpoints that happened inside it. */
export function stageProgress(stage: Stage, ctx: StageContext): StageProgress {
  const checkpoints = (stage.checkpoints ?? []).filter((c) => ctx.facts.spans.has(c.code)).map((c) => stageFields(c, ctx))
  // added to the fresh fields, not spread into a copy (`{ ...o, k }` takes V8's slow path, per stage per read)
  return Object.assign(stageFields(stage, ctx), { checkpoints })
}
