// Every working day of a case belongs somewhere: to a top-level stage, or to a named gap between two stages (the
// utility had finished one and not yet started the next). Gaps count against the utility, so the stage figures
// plus the gaps add up to the whole case's used days. Pure.
import type { Calendar } from '../calendar/calendar'
import type { Service } from '../services'
import type { CaseFacts } from './case-facts'
import { usedWorkingDays } from './working-days'

export interface StageGap {
  /** the stage finished before the gap; null before the first stage */
  after: string | null
  /** the stage started after it; null while the next one has not started, or after the last stage */
  before: string | null
  name: string
  from: string
  /** null while still open */
  to: string | null
  usedDays: number
  estimated: boolean
}

const stageNameIn = (service: Service, code: string | null) => service.stages.find((s) => s.code === code)?.name ?? ''

/** A gap's name: 受理签约完成至施工接电开始 / 受理签约完成后，尚未开始下一环节 / 最后环节完成至办结. */
function gapName(service: Service, after: string | null, before: string | null, closed: boolean): string {
  if (after && before) return `${stageNameIn(service, after)}完成至${stageNameIn(service, before)}开始`
  if (!after) return `提交申请至${stageNameIn(service, before)}开始`
  const last = service.stages[service.stages.length - 1]?.code === after
  const name = stageNameIn(service, after)
  if (last) return closed ? `${name}完成至办结` : `${name}完成，尚未办结`
  return closed ? `${name}完成后至结束` : `${name}完成，下一环节尚未开始`
}

/**
 * The gaps of a case between `submittedAt` and `end` (now, or when it closed), in order. Stages run one after the
 * other (the push checker enforces it), so stages and gaps tile the case: their used days sum to the case's.
 */
export function stageGaps(service: Service, facts: CaseFacts, submittedAt: string, end: string, calendar: Calendar): StageGap[] {
  const gaps: StageGap[] = []
  const closed = facts.closed !== null
  let cursor = submittedAt
  let after: string | null = null
  const add = (before: string | null, to: string, open: boolean) => {
    if (to <= cursor) return
    const days = usedWorkingDays(cursor, to, facts.pauses, calendar)
    gaps.push({ after, before, name: gapName(service, after, before, closed), from: cursor, to: open ? null : to, usedDays: days.used, estimated: days.estimated })
  }
  for (const stage of service.stages) {
    const span = facts.spans.get(stage.code)
    if (!span?.start) break
    add(stage.code, span.start.at, false)
    if (!span.finish) return gaps
    cursor = span.finish.at
    after = stage.code
  }
  add(null, end, !closed)
  return gaps
}
