import { serviceByCode, type ServiceCode } from '@/core/services'

export type StepId = 'service' | 'applicant' | 'address' | 'load' | 'licences' | 'check' | 'sign'

export interface Step {
  id: StepId
  title: string
  /** only for services whose contract is signed on applying (low voltage: at 受理签约) */
  onlyWhenSigningOnApplying?: boolean
}

/** The journey, in order: one question or one tight group per page. */
export const STEPS: Step[] = [
  { id: 'service', title: '选择业务' },
  { id: 'applicant', title: '申请人信息' },
  { id: 'address', title: '用电地址' },
  { id: 'load', title: '用电需求' },
  { id: 'licences', title: '证照材料' },
  { id: 'check', title: '核对信息' },
  { id: 'sign', title: '签署合同', onlyWhenSigningOnApplying: true },
]

export const pagePath = (id: StepId | 'result') => `/packages/apply/pages/${id}/index`

export function stepsFor(service: ServiceCode | undefined): Step[] {
  const signs = serviceByCode(service ?? '')?.signsContractOnApplying ?? true
  return STEPS.filter((s) => signs || !s.onlyWhenSigningOnApplying)
}

/** The step after `id` for this service, or 'submit' when the check page (or signing) is the last. */
export function nextStep(id: StepId, service: ServiceCode | undefined): StepId | 'submit' {
  const steps = stepsFor(service)
  const i = steps.findIndex((s) => s.id === id)
  return steps[i + 1]?.id ?? 'submit'
}

export function stepPosition(id: StepId, service: ServiceCode | undefined): { index: number; total: number } {
  const steps = stepsFor(service)
  return { index: steps.findIndex((s) => s.id === id) + 1, total: steps.length }
}
