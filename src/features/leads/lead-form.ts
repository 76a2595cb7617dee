// The lead form's answers and their checks before sending: the same credit-code validator the server runs; the
// server's own answer (registration, supply area) comes back as field errors in the same words.
import type { FieldError } from '@/contract'
import type { LeadRegisterBody } from '@/contract/leads'
import { APPROVAL_MISSING, approvalOf, LEAD_MAX_KW, type LeadKind } from '@/core/leads'
import { checkCreditCode } from '@/core/validators'

export interface LeadForm {
  kind: LeadKind
  creditCode: string
  projectApproval: string
  townshipCode: string
  addressDetail: string
  capacityKw: string
  use: string
}

export const EMPTY_LEAD: LeadForm = { kind: 'new-business', creditCode: '', projectApproval: '', townshipCode: '', addressDetail: '', capacityKw: '', use: '' }

/** The body to send, or the problems to show (paths as the server names them). */
export function leadBodyOf(f: LeadForm): { body?: LeadRegisterBody; errors: FieldError[] } {
  const errors: FieldError[] = []
  const code = checkCreditCode(f.creditCode)
  if (!code.ok) errors.push({ path: 'creditCode', message: code.message })
  const approval = approvalOf(f.kind, f.projectApproval)
  if (approval === '') errors.push({ path: 'projectApproval', message: APPROVAL_MISSING })
  if (!f.townshipCode) errors.push({ path: 'townshipCode', message: '请选择用电地址所在的乡镇街道' })
  if ([...f.addressDetail.trim()].length < 4) errors.push({ path: 'addressDetail', message: '请填写详细地址（路、门牌号等），至少4个字' })
  const kw = Number(f.capacityKw)
  if (!f.capacityKw.trim() || !Number.isFinite(kw) || kw <= 0) errors.push({ path: 'capacityKw', message: '请输入预计报装容量（千瓦），大于0' })
  else if (kw > LEAD_MAX_KW) errors.push({ path: 'capacityKw', message: `主动服务邀请按低压非居民新装办理，预计容量不超过${LEAD_MAX_KW}千瓦` })
  if (!f.use) errors.push({ path: 'use', message: '请选择用电用途' })
  if (errors.length || !code.ok) return { errors }
  return {
    errors,
    body: {
      kind: f.kind, creditCode: code.value, townshipCode: f.townshipCode, addressDetail: f.addressDetail.trim(), capacityKw: kw, use: f.use,
      ...(approval ? { projectApproval: approval } : {}),
    },
  }
}
