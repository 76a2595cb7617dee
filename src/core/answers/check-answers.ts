// The one set of rules for an application's answers, page by page, with one set of messages: the app checks a
// page on 继续 with it, the check-your-answers page all of it, and the server every submission. Paths are relative
// to the answers (`applicant.kind`); the server prefixes `answers.`. Rules that need the database (whose licence a
// material is, who is signed in) stay in the server.
import type { AnswersInput } from '../../contract/answers'
import type { FieldError } from '../../contract/envelope'
import { checkCreditCode, checkMobile, checkShopName } from '../validators'
import { townshipByCode } from '../wanzhou'
import { checkJointParts, checkJointConsents, JOINT_MESSAGES } from './check-joint'
import { asksFor, fitsCapacity, isStandalone, serviceByCode, serviceForCapacity, type Service } from '../services'

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object | undefined ? DeepPartial<NonNullable<T[K]>> | (null extends T[K] ? null : never) : T[K] }

/** Answers while the journey is under way: any part may still be missing. */
export type PartialAnswers = DeepPartial<AnswersInput>

/** The parts of the answers, one journey page each. */
export const ANSWER_PARTS = ['service', 'applicant', 'address', 'load', 'joint', 'licences', 'share'] as const
export type AnswerPart = (typeof ANSWER_PARTS)[number]

export interface CheckContext {
  /** today's China date (YYYY-MM-DD) */
  today: string
}

type Rule = (a: PartialAnswers, service: Service | undefined, ctx: CheckContext) => FieldError[]

const err = (path: string, message: string): FieldError => ({ path, message })

export const MESSAGES = {
  service: '请选择办理的业务',
  kind: '请选择以个人还是企业名义申请',
  kindNotOffered: (service: Service) => `${service.name}只能以个人名义申请；企业或个体工商户请选择其他业务`,
  businessName: '请输入企业名称（与营业执照一致）',
  role: '请选择本人办理还是经办人代办',
  agentLetter: '请上传用电人签署的授权委托书',
  township: '请选择用电地址所在的乡镇街道',
  detailShort: '请填写详细地址（路、门牌号等），至少4个字',
  detailLong: '详细地址不超过100个字',
  capacityMissing: '请输入报装容量',
  capacityZero: '报装容量应大于0',
  capacityHuge: '报装容量过大，请核对',
  use: '请选择用电用途',
  unofferedUse: (service: Service) => `${service.name}的用电用途请从所列选项中选择`,
  desiredDate: '期望接电日期不能早于今天，请重新选择',
  desiredDateFar: '期望接电日期请选择一年以内的日期',
  idCard: '请提供用电人的身份证件',
  property: '请提供用电地址物权证明，或选择“一证受理”以后补交',
  agentIdCard: '请提供经办人本人的身份证件',
  projectApproval: '请上传用电工程项目批准文件',
  ...JOINT_MESSAGES,
} as const

/** The latest 期望接电日期 one may ask for: a year from today (a China date). */
export const latestDesiredDate = (today: string): string => `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`

/** Low voltage above its limit belongs to another service: the words come from the service table's rule. */
export function capacityMessage(service: Service, kw: number): string | undefined {
  if (fitsCapacity(service, kw) || !isStandalone(service)) return undefined
  const move = serviceForCapacity(service.code, kw)
  const to = serviceByCode(move.service)
  return to && to !== service ? `${move.reason}，请改选“${to.name}”` : undefined
}

const RULES: Record<AnswerPart, Rule> = {
  service: (_a, service) => (service?.standalone ? [] : [err('service', MESSAGES.service)]),

  joint: (a) => checkJointParts(a.joint),

  share: (a) => checkJointConsents(a.joint),

  applicant: (a, service) => {
    const p = a.applicant ?? {}
    const out: FieldError[] = []
    if (!p.kind) out.push(err('applicant.kind', MESSAGES.kind))
    else if (service && !service.applicantKinds.includes(p.kind)) out.push(err('applicant.kind', MESSAGES.kindNotOffered(service)))
    if (p.kind === 'business') {
      if (!p.businessName?.trim()) out.push(err('applicant.businessName', MESSAGES.businessName))
      const code = checkCreditCode(p.creditCode ?? '')
      if (!code.ok) out.push(err('applicant.creditCode', code.message))
      else if (code.warning && !p.creditCodeConfirmed) out.push(err('applicant.creditCode', code.warning))
    }
    if (p.kind === 'individual' && service?.asksShopName && p.shopName) {
      const shop = checkShopName(p.shopName)
      if (!shop.ok) out.push(err('applicant.shopName', shop.message))
    }
    if (!p.role) out.push(err('applicant.role', MESSAGES.role))
    if (p.role === 'agent' && !p.agentLetterUploadId) out.push(err('applicant.agentLetterUploadId', MESSAGES.agentLetter))
    if (!p.useIdentityMobile) {
      const mobile = checkMobile(p.mobile ?? '')
      if (!mobile.ok) out.push(err('applicant.mobile', mobile.message))
    }
    return out
  },

  address: (a) => {
    const p = a.address ?? {}
    const out: FieldError[] = []
    if (!p.townshipCode || !townshipByCode(p.townshipCode)) out.push(err('address.townshipCode', MESSAGES.township))
    const detail = p.detail?.trim() ?? ''
    if (detail.length < 4) out.push(err('address.detail', MESSAGES.detailShort))
    else if (detail.length > 100) out.push(err('address.detail', MESSAGES.detailLong))
    return out
  },

  load: (a, service, { today }) => {
    const p = a.load ?? {}
    const out: FieldError[] = []
    const kw = p.capacityKw
    if (kw === undefined || kw === null || Number.isNaN(kw)) out.push(err('load.capacityKw', MESSAGES.capacityMissing))
    else if (kw <= 0) out.push(err('load.capacityKw', MESSAGES.capacityZero))
    else if (kw > 100000) out.push(err('load.capacityKw', MESSAGES.capacityHuge))
    else {
      const moved = service && capacityMessage(service, kw)
      if (moved) out.push(err('load.capacityKw', moved))
    }
    if (!p.use) out.push(err('load.use', MESSAGES.use))
    else if (service && !service.uses.includes(p.use)) out.push(err('load.use', MESSAGES.unofferedUse(service)))
    if (p.desiredDate && p.desiredDate < today) out.push(err('load.desiredDate', MESSAGES.desiredDate))
    else if (p.desiredDate && p.desiredDate > latestDesiredDate(today)) out.push(err('load.desiredDate', MESSAGES.desiredDateFar))
    return out
  },

  licences: (a, service) => {
    const m = a.materials ?? {}
    const out: FieldError[] = []
    if (!m.idCard?.materialId) out.push(err('materials.idCard', MESSAGES.idCard))
    if (m.property === undefined) out.push(err('materials.property', MESSAGES.property))
    if (a.applicant?.role === 'agent' && !m.agentIdCard?.materialId) out.push(err('materials.agentIdCard', MESSAGES.agentIdCard))
    if (asksFor(service, 'project-approval') && !m.projectApprovalUploadId) out.push(err('materials.projectApprovalUploadId', MESSAGES.projectApproval))
    return out
  },
}

/** What is wrong with one part of the answers. */
export function checkAnswerPart(part: AnswerPart, answers: PartialAnswers, ctx: CheckContext): FieldError[] {
  return RULES[part](answers, serviceByCode(answers.service ?? ''), ctx)
}

/** What is wrong with the given parts (all by default), each error tagged with its part. */
export function checkAnswerParts(answers: PartialAnswers, ctx: CheckContext, parts: readonly AnswerPart[] = ANSWER_PARTS): (FieldError & { part: AnswerPart })[] {
  return parts.flatMap((part) => checkAnswerPart(part, answers, ctx).map((e) => ({ ...e, part })))
}
