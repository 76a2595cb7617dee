import type { ServiceCode } from '@/core/services'

export type StepId = 'service' | 'applicant' | 'address' | 'load' | 'joint' | 'licences' | 'share' | 'check'

export interface Step {
  id: StepId
  title: string
  /** only when water, gas or telecom is added (同时办理) */
  onlyWhenJoint?: boolean
}

/** The journey, in order: one question or one tight group per page. */
export const STEPS: Step[] = [
  { id: 'service', title: '选择业务' },
  { id: 'applicant', title: '申请人信息' },
  { id: 'address', title: '用电地址' },
  { id: 'load', title: '用电需求' },
  { id: 'joint', title: '同时办理', onlyWhenJoint: true },
  { id: 'licences', title: '证照材料' },
  { id: 'share', title: '信息共享授权', onlyWhenJoint: true },
  // low voltage signs its contract at the foot of the check page (受理签约 online), 10 kV only submits there
  { id: 'check', title: '核对信息' },
]

/**
 * The page a saved draft goes on at: one of today's steps; 'check' for the retired 签署合同 page (the contract is
 * now signed at the foot of 核对信息); the first page for anything else.
 */
export function resumePage(page: unknown): StepId {
  const known = STEPS.find((s) => s.id === page)?.id
  return known ?? (page === 'sign' ? 'check' : 'service')
}

export const pagePath = (id: StepId | 'result') => `/packages/apply/pages/${id}/index`

/** What decides which pages a journey has: the service, and whether anything is added to it. */
export interface JourneyShape {
  service?: ServiceCode
  joint?: unknown[]
}

export function stepsFor(journey: JourneyShape): Step[] {
  const joint = (journey.joint?.length ?? 0) > 0
  return STEPS.filter((s) => joint || !s.onlyWhenJoint)
}

/** The step after `id` for this journey, or 'submit' after the check page. */
export function nextStep(id: StepId, journey: JourneyShape): StepId | 'submit' {
  const steps = stepsFor(journey)
  const i = steps.findIndex((s) => s.id === id)
  return steps[i + 1]?.id ?? 'submit'
}

export function stepPosition(id: StepId, journey: JourneyShape): { index: number; total: number } {
  const steps = stepsFor(journey)
  return { index: steps.findIndex((s) => s.id === id) + 1, total: steps.length }
}
