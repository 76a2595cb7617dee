import type { FieldError } from '@/contract'
import { checkCreditCode, checkMobile } from '@/core/validators'
import { townshipByCode } from '@/core/wanzhou'
import { LV_MAX_KW } from '@/core/services'
import { chinaDate } from '@/core/calendar/china-date'
import type { DraftAnswers } from './draft-answers'
import type { StepId } from './steps'

/**
 * What is wrong on each page, with the same paths (minus `answers.`) and words the server uses,
 * so an error looks the same whether the app or the server found it.
 */
type Check = (a: DraftAnswers, today: string) => FieldError[]

const err = (path: string, message: string): FieldError => ({ path, message })

const service: Check = (a) => (a.service ? [] : [err('service', '请选择办理的业务')])

const applicant: Check = (a) => {
  const p = a.applicant ?? {}
  const out: FieldError[] = []
  if (!p.kind) out.push(err('applicant.kind', '请选择以个人还是企业名义申请'))
  if (p.kind === 'business') {
    if (!p.businessName?.trim()) out.push(err('applicant.businessName', '请输入企业名称（与营业执照一致）'))
    const cc = checkCreditCode(p.creditCode ?? '')
    if (!cc.ok) out.push(err('applicant.creditCode', cc.message))
    else if (cc.warning && !p.creditCodeConfirmed) out.push(err('applicant.creditCode', cc.warning))
  }
  if (!p.role) out.push(err('applicant.role', '请选择本人办理还是经办人代办'))
  if (p.role === 'agent' && !p.agentLetterUploadId) out.push(err('applicant.agentLetterUploadId', '请上传用电人签署的授权委托书'))
  if (!p.useIdentityMobile) {
    const m = checkMobile(p.mobile ?? '')
    if (!m.ok) out.push(err('applicant.mobile', m.message))
  }
  return out
}

const address: Check = (a) => {
  const p = a.address ?? {}
  const out: FieldError[] = []
  if (!p.townshipCode || !townshipByCode(p.townshipCode)) out.push(err('address.townshipCode', '请选择用电地址所在的乡镇街道'))
  const detail = p.detail?.trim() ?? ''
  if (detail.length < 4) out.push(err('address.detail', '请填写详细地址（路、门牌号等），至少4个字'))
  else if (detail.length > 100) out.push(err('address.detail', '详细地址不超过100个字'))
  return out
}

const load: Check = (a, today) => {
  const p = a.load ?? {}
  const out: FieldError[] = []
  const kw = p.capacityKw
  if (kw === undefined || kw === null || Number.isNaN(kw)) out.push(err('load.capacityKw', '请输入报装容量'))
  else if (kw <= 0) out.push(err('load.capacityKw', '报装容量应大于0'))
  else if (kw > 100000) out.push(err('load.capacityKw', '报装容量过大，请核对'))
  else if (a.service !== 'hv-10kv' && kw > LV_MAX_KW) out.push(err('load.capacityKw', `低压接入不超过${LV_MAX_KW}千瓦，请改选高压新装（10千伏）`))
  if (!p.use) out.push(err('load.use', '请选择用电用途'))
  if (p.desiredDate && p.desiredDate < today) out.push(err('load.desiredDate', '期望接电日期不能早于今天'))
  return out
}

const licences: Check = (a) => {
  const m = a.materials ?? {}
  const out: FieldError[] = []
  if (!m.idCard?.materialId) out.push(err('materials.idCard', '请提供用电人的身份证件'))
  if (m.property === undefined) out.push(err('materials.property', '请提供用电地址物权证明，或选择“一证受理”以后补交'))
  if (a.applicant?.role === 'agent' && !m.agentIdCard?.materialId) out.push(err('materials.agentIdCard', '请提供经办人本人的身份证件'))
  if (a.service === 'hv-10kv' && !m.projectApprovalUploadId) out.push(err('materials.projectApprovalUploadId', '请上传用电工程项目批准文件'))
  return out
}

const CHECKS: Partial<Record<StepId, Check>> = { service, applicant, address, load, licences }

export function validateStep(step: StepId, answers: DraftAnswers, today = chinaDate(new Date())): FieldError[] {
  return CHECKS[step]?.(answers, today) ?? []
}

/** Every page's problems, for the check-your-answers page; each tagged with the page that fixes it. */
export function validateAll(answers: DraftAnswers): (FieldError & { step: StepId })[] {
  return (Object.keys(CHECKS) as StepId[]).flatMap((step) => validateStep(step, answers).map((e) => ({ ...e, step })))
}
