import { serviceByCode, supplierName } from '@/core/services'
import { townshipByCode } from '@/core/wanzhou'
import type { SupplierCode } from '@/core/services'
import { maskMobile } from '@/core/masking'
import { USE_LABELS } from '@/contract/constants'
import type { DraftAnswers } from '@/features/apply/draft-answers'
import type { StepId } from '@/features/apply/steps'

export interface AnswerGroup {
  step: StepId
  title: string
  rows: { label: string; value: string }[]
}

/**
 * The answers as the check page lists them, grouped by the page that asked (each group gets a 修改);
 * `supplier`: the enterprise the township's applications go to, as the server is configured.
 */
export function answerGroups(a: DraftAnswers, identityMobile?: string, supplier?: SupplierCode): AnswerGroup[] {
  const svc = serviceByCode(a.service ?? '')
  const p = a.applicant ?? {}
  const t = townshipByCode(a.address?.townshipCode ?? '')
  const mobile = p.useIdentityMobile ? identityMobile : p.mobile ? maskMobile(p.mobile) : undefined
  return [
    { step: 'service', title: '业务', rows: [{ label: '办理业务', value: svc?.name ?? '未选择' }] },
    {
      step: 'applicant', title: '申请人',
      rows: [
        { label: '申请名义', value: p.kind === 'business' ? `企业：${p.businessName ?? ''}` : '个人' },
        ...(p.kind === 'business' ? [{ label: '统一社会信用代码', value: p.creditCode ?? '' }] : []),
        ...(p.kind === 'individual' && p.shopName?.trim() ? [{ label: '字号', value: p.shopName.trim() }] : []),
        { label: '办理方式', value: p.role === 'agent' ? '经办人代办（已上传授权委托书）' : '本人办理' },
        { label: '联系手机', value: mobile ?? '未填写' },
      ],
    },
    {
      step: 'address', title: '用电地址',
      rows: [
        { label: '地址', value: `重庆市万州区${t?.name ?? ''}${a.address?.detail ?? ''}` },
        { label: '供电企业', value: supplier ? supplierName(supplier) : '' },
        ...(a.address?.differsReason ? [{ label: '与产权证书坐落不一致的原因', value: a.address.differsReason }] : []),
      ],
    },
    {
      step: 'load', title: '用电需求',
      rows: [
        { label: '报装容量', value: a.load?.capacityKw !== undefined ? `${a.load.capacityKw}千瓦` : '未填写' },
        { label: '供电电压', value: svc?.voltage === '10kV' ? '10千伏' : '220伏/380伏' },
        { label: '用电用途', value: a.load?.use ? USE_LABELS[a.load.use] : '未选择' },
        { label: '期望接电', value: a.load?.desiredDate ?? '尽快' },
      ],
    },
    ...jointGroups(a),
  ]
}

/** The added services (同时办理) with their answers, and each recipient's consent, when anything was added. */
function jointGroups(a: DraftAnswers): AnswerGroup[] {
  const parts = (a.joint ?? []).flatMap((p) => {
    const service = serviceByCode(p?.service ?? '')
    return p && service ? [{ part: p, service }] : []
  })
  if (parts.length === 0) return []
  const answerText = ({ part, service }: (typeof parts)[number]) => service.questions.map((q) => {
    const v = part.answers?.[q.code]
    const shown = q.kind === 'choice' ? q.options?.find((o) => o.value === v)?.label : v !== undefined && v !== '' ? `${v}${q.unit ?? ''}` : undefined
    return `${q.label}：${shown ?? '未填写'}`
  }).join('；')
  return [
    { step: 'joint', title: '同时办理', rows: parts.map((p) => ({ label: p.service.name, value: answerText(p) })) },
    {
      step: 'share', title: '信息共享授权',
      rows: parts.map(({ part, service }) => ({
        label: supplierName(service.provider),
        value: part.consent === 'given' ? '同意提供' : part.consent === 'refused' ? `不同意（不办理${service.name}）` : '未选择',
      })),
    },
  ]
}
