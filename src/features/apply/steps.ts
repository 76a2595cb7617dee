import { serviceByCode, type ServiceCode } from '@/core/services'

export type StepId = 'service' | 'applicant' | 'address' | 'load' | 'joint' | 'licences' | 'share' | 'check' | 'sign'

export interface Step {
  id: StepId
  title: string
  /** only for services whose contract is signed on applying (low voltage: at 受理签约) */
  onlyWhenSigningOnApplying?: boolean
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
  { id: 'check', title: '核对信息' },
  { id: 'sign', title: '签署合同', onlyWhenSigningOnApplying: true },
]

export const pagePath = (id: StepId | 'result') => `/packages/apply/pages/${id}/index`

/** What decides which pages a journey has: the service, and whether anything is added to it. */
export interface JourneyShape {
  service?: ServiceCode
  joint?: unknown[]
}

export function stepsFor(journey: JourneyShape): Step[] {
  const signs = serviceByCode(journey.service ?? '')?.signsContractOnApplying ?? true
  const joint = (journey.joint?.length ?? 0) > 0
  return STEPS.filter((s) => (signs || !s.onlyWhenSigningOnApplying) && (joint || !s.onlyWhenJoint))
}

/** The step after `id` for this journey, or 'submit' when the check page (or signing) is the last. */
export function nextStep(id: StepId, journey: JourneyShape): StepId | 'submit' {
  const steps = stepsFor(journey)
  const i = steps.findIndex((s) => s.id === id)
  return steps[i + 1]?.id ?? 'submit'
}

export function stepPosition(id: StepId, journey: JourneyShape): { index: number; total: number } {
  const steps = stepsFor(journey)
  return { index: steps.findIndex((s) => s.id === id) + 1, total: steps.length }
}
