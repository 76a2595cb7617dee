// The order a case may move in, checked by replaying its whole history (corrections applied) with the new step.
import {
  EVENT_TYPES as T, applyEvent, clockStopRefusal, effectiveEvents, emptyFacts, findStage, isFinished, isRunning, isStarted,
  type CaseFacts, type ProgressEvent,
} from '../../src/core/progress'
import type { ErrorCode } from '../../src/contract/errors'
import type { Service } from '../../src/core/services'

/** Event types that change a case; none may follow its completion, rejection or withdrawal. */
const STATE_CHANGES = new Set<string>([
  T.stageStarted, T.stageFinished, T.supplementRequested, T.supplementReceived, T.paused, T.resumed, T.completed, T.rejected, T.withdrawn,
])
const CLOSED_WORDS = { completed: '已办结', withdrawn: '已撤回', rejected: '已不予受理' } as const

export function closedRefusal(facts: CaseFacts): string | undefined {
  return facts.closed ? `该办件${CLOSED_WORDS[facts.closed.type]}，不能再记录办理环节` : undefined
}

function startRefusal(service: Service, facts: CaseFacts, code: string | null): string | undefined {
  const place = findStage(service, code)
  if (!place) return code ? `${service.name}没有“${code}”环节` : '请在 stage 中写明环节编码'
  const { stage, parent, siblings, index } = place
  if (isStarted(facts, stage.code)) return `${stage.name}已开始，不能重复开始`
  if (parent && !isRunning(facts, parent.code)) return `${stage.name}只能在${parent.name}进行中开始`
  const previous = siblings[index - 1]
  if (previous && !isFinished(facts, previous.code)) return `须先完成${previous.name}，才能开始${stage.name}`
  return undefined
}

function finishRefusal(service: Service, facts: CaseFacts, code: string | null): string | undefined {
  const place = findStage(service, code)
  if (!place) return code ? `${service.name}没有“${code}”环节` : '请在 stage 中写明环节编码'
  const { stage } = place
  if (!isStarted(facts, stage.code)) return `${stage.name}尚未开始，不能完成`
  if (isFinished(facts, stage.code)) return `${stage.name}已完成，不能重复完成`
  const open = (stage.checkpoints ?? []).find((c) => isRunning(facts, c.code))
  return open ? `须先完成${open.name}，才能完成${stage.name}` : undefined
}

/** Why this event cannot follow the facts so far, or undefined when it may. */
export function stepRefusal(service: Service, facts: CaseFacts, e: ProgressEvent): string | undefined {
  if (STATE_CHANGES.has(e.type) && facts.closed) return closedRefusal(facts)
  switch (e.type) {
    case T.stageStarted: return startRefusal(service, facts, e.stage)
    case T.stageFinished: return finishRefusal(service, facts, e.stage)
    case T.supplementRequested: return facts.openSupplement ? '已有尚未补正的补正要求' : undefined
    case T.supplementReceived: return facts.openSupplement ? undefined : '没有待补正的要求，不能记录收到补正材料'
    case T.paused: return facts.openPause ? '计时已暂停，不能重复暂停' : undefined
    case T.resumed: return facts.openPause ? undefined : '计时未暂停，不能恢复'
    case T.completed: {
      const unfinished = service.stages.find((s) => !isFinished(facts, s.code))
      return unfinished ? `${unfinished.name}尚未完成，不能办结` : undefined
    }
    default: return undefined
  }
}

export interface Refusal {
  code: Extract<ErrorCode, 'PUSH_BAD_TRANSITION' | 'PUSH_NOT_ALLOWED'>
  message: string
}

/** The events whose pause or 补正 is checked against the plan's rules (the new one, or the one a correction replaces). */
export interface ContentCheck {
  ids: Set<number>
  /** China date: a due date may not lie before it */
  today: string
}

const CLOCK_STOPS: Record<string, 'pause' | 'supplement'> = { [T.paused]: 'pause', [T.supplementRequested]: 'supplement' }

function contentRefusal(service: Service, facts: CaseFacts, e: ProgressEvent, check?: ContentCheck): string | undefined {
  const kind = CLOCK_STOPS[e.type]
  if (!kind || !check?.ids.has(e.id)) return undefined
  const { pauseReason, materials, dueBy } = e.payload
  return clockStopRefusal(service, facts, { kind, stage: e.stage, pauseReason, materials, dueBy }, check.today)
}

/**
 * Replays the whole history with corrections applied; names the first step that breaks the order
 * (PUSH_BAD_TRANSITION), or a checked pause or 补正 the plan does not allow (PUSH_NOT_ALLOWED). Steps already
 * stored are replayed for order only, so a rule added later never blocks a case's history.
 */
export function historyRefusal(service: Service, events: ProgressEvent[], check?: ContentCheck): Refusal | undefined {
  const facts = emptyFacts()
  for (const e of effectiveEvents(events)) {
    const order = stepRefusal(service, facts, e)
    if (order) return { code: 'PUSH_BAD_TRANSITION', message: order }
    const content = contentRefusal(service, facts, e, check)
    if (content) return { code: 'PUSH_NOT_ALLOWED', message: content }
    applyEvent(facts, e)
  }
  return undefined
}
