// The rules for 同时办理 (water, gas, telecom added to an electricity application): each added service at most
// once, only the questions its provider asks, each answered within its options or range; and, before submitting,
// a consent decision for every recipient (个人信息保护法 Art. 23). One set of words for the app and the server.
import type { FieldError } from '../../contract/envelope'
import { providerByCode } from '../providers'
import { serviceByCode, type Service } from '../services'
import type { PartQuestion } from '../joint-services'

/** A part while the journey is under way: any field may still be missing. */
export interface PartialJointPart {
  service?: string
  answers?: Record<string, string | number | undefined>
  consent?: 'given' | 'refused'
}

export const JOINT_MESSAGES = {
  jointUnknown: '请从所列业务中选择同时办理的业务',
  jointTwice: (service: Service) => `${service.name}已选择，不能重复选择`,
  questionChoice: (q: PartQuestion, service: Service) => `请选择${service.shortName}的${q.label}`,
  questionCount: (q: PartQuestion, service: Service) => `请填写${service.shortName}的${q.label}（${q.min ?? 1}–${q.max ?? 9999}${q.unit ?? ''}的整数）`,
  questionUnknown: (code: string, service: Service) => `${service.name}不需要填写“${code}”`,
  consent: (providerName: string) => `请选择是否同意向${providerName}提供办理所需的信息`,
} as const

const err = (path: string, message: string): FieldError => ({ path, message })

function questionError(q: PartQuestion, value: unknown, service: Service): string | undefined {
  if (q.kind === 'choice') {
    return q.options?.some((o) => o.value === value) ? undefined : JOINT_MESSAGES.questionChoice(q, service)
  }
  const n = typeof value === 'number' ? value : NaN
  const ok = Number.isInteger(n) && n >= (q.min ?? 1) && n <= (q.max ?? 9999)
  return ok ? undefined : JOINT_MESSAGES.questionCount(q, service)
}

/** The added services and their answers (the 同时办理 page). */
export function checkJointParts(parts: (PartialJointPart | undefined)[] | undefined): FieldError[] {
  const out: FieldError[] = []
  const seen = new Set<string>()
  for (const [i, part] of (parts ?? []).entries()) {
    const service = serviceByCode(part?.service ?? '')
    if (!service || service.standalone) {
      out.push(err(`joint.${i}.service`, JOINT_MESSAGES.jointUnknown))
      continue
    }
    if (seen.has(service.code)) out.push(err(`joint.${i}.service`, JOINT_MESSAGES.jointTwice(service)))
    seen.add(service.code)
    const answers = part?.answers ?? {}
    for (const q of service.questions) {
      const message = questionError(q, answers[q.code], service)
      if (message) out.push(err(`joint.${i}.answers.${q.code}`, message))
    }
    for (const code of Object.keys(answers)) {
      if (!service.questions.some((q) => q.code === code)) out.push(err(`joint.${i}.answers.${code}`, JOINT_MESSAGES.questionUnknown(code, service)))
    }
  }
  return out
}

/** Every recipient has been asked: given or refused (the 信息共享授权 page). */
export function checkJointConsents(parts: (PartialJointPart | undefined)[] | undefined): FieldError[] {
  return (parts ?? []).flatMap((part, i) => {
    if (part?.consent === 'given' || part?.consent === 'refused') return []
    const provider = providerByCode(serviceByCode(part?.service ?? '')?.provider)
    return provider ? [err(`joint.${i}.consent`, JOINT_MESSAGES.consent(provider.name))] : []
  })
}

/** The parts the applicant agreed to share with: what is submitted (a refusal drops the part, not the application). */
export const consentedParts = <P extends PartialJointPart>(parts: P[] | undefined): P[] => (parts ?? []).filter((p) => p.consent === 'given')
