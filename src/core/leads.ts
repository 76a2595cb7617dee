// 主动服务 (proactive service): a supply enterprise's staff register a lead — a newly registered business or an
// approved project — and its owner is invited to apply. The vocabulary as data: kinds, states, and which service an
// invitation applies for. Pure.
import { serviceByCode, type StandaloneServiceCode } from './services'

/** `needsApproval`: the lead names the project's approval (核准、备案) number. */
export const LEAD_KINDS = {
  'new-business': { name: '新注册企业', source: '市场主体登记信息', needsApproval: false },
  'approved-project': { name: '已批项目', source: '项目审批（核准、备案）信息', needsApproval: true },
} as const
export type LeadKind = keyof typeof LEAD_KINDS
export const LEAD_KIND_CODES = Object.keys(LEAD_KINDS) as [LeadKind, ...LeadKind[]]

export const APPROVAL_MISSING = '请填写项目审批（核准、备案）文号'

/** The approval number a lead of this kind keeps: the given one (trimmed), or null for a kind that has none. */
export const approvalOf = (kind: LeadKind, given: string | undefined): string | null => (LEAD_KINDS[kind].needsApproval ? given?.trim() ?? '' : null)

/** invited: waiting for the owner; accepted: an application was made from it; declined: the owner said no. */
export const LEAD_STATES = {
  invited: { name: '已邀请' },
  accepted: { name: '已申请' },
  declined: { name: '已谢绝' },
} as const
export type LeadState = keyof typeof LEAD_STATES
export const LEAD_STATE_CODES = Object.keys(LEAD_STATES) as [LeadState, ...LeadState[]]

/**
 * The service an invitation applies for: a business's low-voltage connection, whose contract is signed online at
 * 受理签约, so one confirmation can apply. A 10 kV project needs its approval file and its own journey.
 */
export const LEAD_SERVICE: StandaloneServiceCode = 'lv-business'
export const LEAD_MAX_KW = serviceByCode(LEAD_SERVICE)?.maxCapacityKw ?? 160

/** The page heading the owner sees. */
export const INVITATION_TITLE = '供电企业主动服务邀请'
