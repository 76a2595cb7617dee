// What an application's (effective) history says: which stages ran when, pauses, open requests, how it ended.
import { EVENT_TYPES as T, type ProgressEvent } from './events'

export interface Span {
  start?: ProgressEvent
  finish?: ProgressEvent
}

/** A time the utility's clock stands still: an explicit pause, or a supplement request awaiting the applicant. */
export interface PauseInterval {
  kind: 'pause' | 'supplement'
  from: string
  /** null while still open */
  to: string | null
}

export type ClosedType = typeof T.completed | typeof T.withdrawn | typeof T.rejected
const CLOSED_TYPES: string[] = [T.completed, T.withdrawn, T.rejected]
/** Whether a case in this process state is closed (a closed case's state is how it closed): nothing more is done on it. */
export const isClosedState = (state: string): boolean => CLOSED_TYPES.includes(state)

export interface CaseFacts {
  /** by stage or checkpoint code */
  spans: Map<string, Span>
  pauses: PauseInterval[]
  openPause: ProgressEvent | null
  openSupplement: ProgressEvent | null
  closed: { type: ClosedType; at: string } | null
}

export function emptyFacts(): CaseFacts {
  return { spans: new Map(), pauses: [], openPause: null, openSupplement: null, closed: null }
}

export const isStarted = (facts: CaseFacts, code: string) => facts.spans.get(code)?.start !== undefined
export const isFinished = (facts: CaseFacts, code: string) => facts.spans.get(code)?.finish !== undefined
/** Started and not yet finished. */
export const isRunning = (facts: CaseFacts, code: string) => isStarted(facts, code) && !isFinished(facts, code)

function span(facts: CaseFacts, code: string): Span {
  const existing = facts.spans.get(code)
  if (existing) return existing
  const created: Span = {}
  facts.spans.set(code, created)
  return created
}

const KEYS = { pause: 'openPause', supplement: 'openSupplement' } as const

/** Applies one event to the facts (in place). Unknown and informational types change nothing. */
export function applyEvent(facts: CaseFacts, e: ProgressEvent): CaseFacts {
  switch (e.type) {
    case T.stageStarted:
      if (e.stage && !isStarted(facts, e.stage)) span(facts, e.stage).start = e
      break
    case T.stageFinished:
      if (e.stage && !isFinished(facts, e.stage)) span(facts, e.stage).finish = e
      break
    case T.paused:
    case T.supplementRequested: {
      const kind = e.type === T.paused ? 'pause' : 'supplement'
      if (facts[KEYS[kind]]) break
      facts[KEYS[kind]] = e
      facts.pauses.push({ kind, from: e.at, to: null })
      break
    }
    case T.resumed:
    case T.supplementReceived: {
      const kind = e.type === T.resumed ? 'pause' : 'supplement'
      const open = facts.pauses.find((p) => p.kind === kind && p.to === null)
      if (open) open.to = e.at
      facts[KEYS[kind]] = null
      break
    }
    case T.completed:
    case T.withdrawn:
    case T.rejected:
      if (!facts.closed) facts.closed = { type: e.type, at: e.at }
      break
  }
  return facts
}

/** Folds a whole (effective) history. */
export function caseFacts(events: ProgressEvent[]): CaseFacts {
  return events.reduce(applyEvent, emptyFacts())
}
