// The next realistic step of a case, as a supply enterprise would push it: start the next stage, finish the
// current one (for 10 kV walking 设计审查 → 中间检查 → 竣工检验 inside 外部工程实施), complete after the last.
import type { PushRecord } from '../../src/contract/progress'
import { chinaDate, shiftDay } from '../../src/core/calendar/china-date'
import {
  caseFacts, effectiveEvents, isRunning, isStarted, PAUSE_REASON_CODES, PAUSE_REASONS, supplementableMaterials, type ProgressEvent,
} from '../../src/core/progress'
import { MATERIALS, type Service, type Stage } from '../../src/core/services'

export interface NextStep {
  action: PushRecord['action']
  stage?: string
  opinion: string
  pauseReason?: PushRecord['pauseReason']
  materials?: PushRecord['materials']
  dueBy?: string
  /** what the step does, for the CLI's output */
  zh: string
  en: string
}

export interface StepOptions {
  /** ask the applicant to supplement materials in the current stage (once) */
  supplement?: boolean
  /** pause the utility's clock in the current stage (once) */
  pause?: boolean
  /** China date of the push (for the due date a pause or 补正 carries); today when left out */
  today?: string
}

/** The demo's 补正 asks for the stage's property proof when it may, else the first material the plan allows there. */
function supplementStep(service: Service, stage: Stage, today: string): NextStep {
  const allowed = supplementableMaterials(service, stage.code)
  const code = allowed.includes('property-proof') ? 'property-proof' : allowed[0]
  const materials = code ? [{ code, note: code === 'property-proof' ? '请补充租赁合同及出租方产权证明' : '请补充完整' }] : undefined
  const opinion = code ? `请补充${MATERIALS[code].name}` : '请补充材料'
  return { action: 'supplement-request', stage: stage.code, materials, dueBy: shiftDay(today, 10), opinion, zh: `要求补正材料（${stage.name}）`, en: `request a supplement in ${stage.code}` }
}

/** The demo's pause: the reason the plan allows in this stage; none (so the server refuses and says why) where none does. */
function pauseStep(stage: Stage, today: string): NextStep {
  const reason = PAUSE_REASON_CODES.find((code) => (PAUSE_REASONS[code].stages as readonly string[]).includes(stage.code))
  const opinion = reason ? PAUSE_REASONS[reason].name : '暂停计时'
  const due = shiftDay(today, reason === 'customer-works' ? 30 : 5)
  return { action: 'pause', stage: stage.code, pauseReason: reason, dueBy: due, opinion, zh: `暂停计时（${stage.name}）`, en: `pause the clock in ${stage.code} (${reason ?? 'no allowed reason'})` }
}

const start = (s: Stage): NextStep => ({ action: 'stage-start', stage: s.code, opinion: `${s.name}开始办理`, zh: `开始环节：${s.name}`, en: `start stage ${s.code}` })
const finish = (s: Stage): NextStep => ({ action: 'stage-finish', stage: s.code, opinion: `${s.name}已完成`, zh: `完成环节：${s.name}`, en: `finish stage ${s.code}` })

/** Inside a running stage: its checkpoints in order, then the stage itself. */
function stepInside(stage: Stage, running: (code: string) => boolean, started: (code: string) => boolean): NextStep {
  const checkpoints = stage.checkpoints ?? []
  const open = checkpoints.find((c) => running(c.code))
  if (open) return finish(open)
  const next = checkpoints.find((c) => !started(c.code))
  return next ? start(next) : finish(stage)
}

/** Undefined when the case is completed, withdrawn or rejected: nothing more to push. */
export function nextStep(service: Service, events: ProgressEvent[], opts: StepOptions = {}): NextStep | undefined {
  const facts = caseFacts(effectiveEvents(events))
  if (facts.closed) return undefined
  if (facts.openPause) return { action: 'resume', opinion: '恢复计时', zh: '恢复计时', en: 'resume the clock' }
  if (facts.openSupplement) return { action: 'supplement-receive', opinion: '已收到补正材料', zh: '收到补正材料', en: 'receive the supplement' }
  const running = (code: string) => isRunning(facts, code)
  const current = service.stages.find((s) => running(s.code))
  const innermost = current && ((current.checkpoints ?? []).find((c) => running(c.code)) ?? current)
  const today = opts.today ?? chinaDate(new Date())
  if (innermost && opts.supplement) return supplementStep(service, innermost, today)
  if (innermost && opts.pause) return pauseStep(innermost, today)
  if (current) return stepInside(current, running, (code) => isStarted(facts, code))
  const next = service.stages.find((s) => !isStarted(facts, s.code))
  return next ? start(next) : { action: 'complete', opinion: '已送电，办结', zh: '办结', en: 'complete the case' }
}
