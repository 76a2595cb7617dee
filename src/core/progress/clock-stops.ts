// When a supply enterprise may stop its own clock, as data: the closed list of pause reasons (each tied to what
// the applicant must do, allowed only in the stages where it can arise) and what a 补正 may ask for (only the
// materials the plan lists for that stage, domain.md section 3). The push route and the CLI call the same checker.
import { MATERIALS, type MaterialCode, type Service } from '../services'
import { isRunning, type CaseFacts } from './case-facts'
import { findStage } from './stages'

export interface PauseReason {
  /** what stopped: shown to the applicant and in the log */
  name: string
  /** what is awaited and from whom, in the applicant's words (the applicant is "您") */
  awaited: string
  /** what the applicant does about it */
  todo: string
  /** the stages (or 10 kV checkpoints) in which this can arise */
  stages: readonly string[]
}

/**
 * The only reasons the utility's clock may stop for. Every one is something the applicant (or the applicant's own
 * contractor) has to do; a delay the utility causes itself (its grid-side works, its own scheduling, a material it
 * wants that the plan does not list) has no reason here, so it never stops the clock.
 */
export const PAUSE_REASONS = {
  'customer-works': {
    name: '用户侧工程施工',
    awaited: '您委托的有资质单位完成产权分界点以内的用户侧工程',
    todo: '施工完成后请通知供电企业，或在此告知已完成',
    stages: ['external-works', 'design-review', 'mid-inspection', 'completion-inspection'],
  },
  'appointment-moved': {
    name: '申请人改约上门时间',
    awaited: '按您改约的时间，供电企业上门勘查或装表',
    todo: '请在约定时间保持电话畅通、现场有人',
    stages: ['build-connect', 'supply-plan', 'meter-connect'],
  },
} as const satisfies Record<string, PauseReason>

export type PauseReasonCode = keyof typeof PAUSE_REASONS
export const PAUSE_REASON_CODES = Object.keys(PAUSE_REASONS) as [PauseReasonCode, ...PauseReasonCode[]]

/** How far ahead a pause or 补正 may set its date: a year (the life of a 10 kV supply plan). */
export const MAX_AWAIT_DAYS = 366

export const pauseReason = (code: unknown): PauseReason | undefined =>
  typeof code === 'string' && Object.prototype.hasOwnProperty.call(PAUSE_REASONS, code) ? PAUSE_REASONS[code as PauseReasonCode] : undefined

/** What a 补正 may ask for in a stage: exactly the materials the plan lists for it (none for 施工接电 and the like). */
export function supplementableMaterials(service: Service, stageCode: string | null): MaterialCode[] {
  return findStage(service, stageCode)?.stage.materials ?? []
}

/** One material a 补正 asks for, with the utility's note on what exactly is wrong or missing. */
export interface AskedMaterial {
  code: string
  note?: string
}

/** The clock-stopping step as the checker reads it (a push record or an effective event). */
export interface ClockStop {
  kind: 'pause' | 'supplement'
  stage: string | null
  pauseReason?: unknown
  materials?: unknown
  /** China date by which the awaited thing is due */
  dueBy?: unknown
}

const DAY_MS = 24 * 3600 * 1000

function dueRefusal(dueBy: unknown, today: string | undefined): string | undefined {
  if (typeof dueBy !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(dueBy)) return '须在 dueBy 中写明所等待事项的期限（日期）'
  if (!today) return undefined
  if (dueBy < today) return `期限${dueBy}已过，须晚于或等于今天（${today}）`
  if (Date.parse(dueBy) - Date.parse(today) > MAX_AWAIT_DAYS * DAY_MS) return `期限${dueBy}超过一年，请核实`
  return undefined
}

function stageRefusal(service: Service, facts: CaseFacts, stage: string | null, what: string): string | undefined {
  const place = findStage(service, stage)
  if (!place) return stage ? `${service.name}没有“${stage}”环节，不能${what}` : `须在 stage 中写明${what}所在的环节`
  return isRunning(facts, place.stage.code) ? undefined : `${place.stage.name}未在办理中，不能${what}`
}

function pauseRefusal(service: Service, facts: CaseFacts, s: ClockStop): string | undefined {
  const reason = pauseReason(s.pauseReason)
  if (!reason) {
    const known = PAUSE_REASON_CODES.map((c) => `${c}（${PAUSE_REASONS[c].name}）`).join('、')
    return `暂停计时须在 pauseReason 中写明申请人方面的原因：${known}；供电企业自身原因不暂停计时`
  }
  const where = stageRefusal(service, facts, s.stage, `因${reason.name}暂停计时`)
  if (where) return where
  const name = findStage(service, s.stage)?.stage.name ?? ''
  return reason.stages.includes(s.stage ?? '') ? undefined : `${name}环节不能因${reason.name}暂停计时`
}

function supplementRefusal(service: Service, facts: CaseFacts, s: ClockStop): string | undefined {
  const where = stageRefusal(service, facts, s.stage, '要求补正')
  if (where) return where
  const place = findStage(service, s.stage)
  const allowed = supplementableMaterials(service, s.stage)
  if (!allowed.length) return `${place?.stage.name ?? ''}环节不能要求申请人补正材料`
  const list = allowed.map((c) => MATERIALS[c].name).join('、')
  const asked = Array.isArray(s.materials) ? (s.materials as AskedMaterial[]) : []
  if (!asked.length) return `补正须在 materials 中列出所需材料，${place?.stage.name ?? ''}环节只能是：${list}`
  const wrong = asked.find((m) => !allowed.includes(m?.code as MaterialCode))
  return wrong ? `${place?.stage.name ?? ''}环节不能要求补正“${String(wrong?.code)}”，只能是：${list}` : undefined
}

/**
 * Why this pause or 补正 is not one the plan allows here, or undefined when it is. `today` (China date) checks
 * that dueBy is not in the past; leave it out when replaying stored history.
 */
export function clockStopRefusal(service: Service, facts: CaseFacts, s: ClockStop, today?: string): string | undefined {
  const why = s.kind === 'pause' ? pauseRefusal(service, facts, s) : supplementRefusal(service, facts, s)
  return why ?? dueRefusal(s.dueBy, today)
}
