// The next realistic step of a case, as a supply enterprise would push it: start the next stage, finish the
// current one (for 10 kV walking 设计审查 → 中间检查 → 竣工检验 inside 外部工程实施), complete after the last.
import type { PushRecord } from '../../src/contract/progress'
import { caseFacts, effectiveEvents, isRunning, isStarted, type ProgressEvent } from '../../src/core/progress'
import type { Service, Stage } from '../../src/core/services'

export interface NextStep {
  action: PushRecord['action']
  stage?: string
  opinion: string
  pauseReason?: PushRecord['pauseReason']
  /** what the step does, for the CLI's output */
  zh: string
  en: string
}

export interface StepOptions {
  /** ask the applicant to supplement materials in the current stage (once) */
  supplement?: boolean
  /** pause the utility's clock in the current stage (once) */
  pause?: boolean
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
  if (current && opts.supplement) {
    return { action: 'supplement-request', stage: current.code, opinion: '请补充用电地址物权证明材料', zh: `要求补正材料（${current.name}）`, en: `request a supplement in ${current.code}` }
  }
  if (current && opts.pause) {
    const reason = current.code === 'external-works' ? 'customer-works' : 'awaiting-applicant'
    return { action: 'pause', stage: current.code, pauseReason: reason, opinion: '暂停计时', zh: `暂停计时（${current.name}）`, en: `pause the clock in ${current.code} (${reason})` }
  }
  if (current) return stepInside(current, running, (code) => isStarted(facts, code))
  const next = service.stages.find((s) => !isStarted(facts, s.code))
  return next ? start(next) : { action: 'complete', opinion: '已送电，办结', zh: '办结', en: 'complete the case' }
}
