// The append-only log as staff read it: what happened in Chinese (stage names, reasons, materials), who did it by
// name, times in China time; never an epoch number or an enum code. Free text is masked.
import type { EventType } from '../../src/core/progress/events'
import type { StaffCaseDetail } from '../../src/contract/staff'
import { DISPUTE_KINDS, RATING_GRADES } from '../../src/contract/progress'
import { chinaDateTime } from '../../src/core/calendar/china-date'
import { maskName, maskText } from '../../src/core/masking'
import { pauseReason, stageName } from '../../src/core/progress'
import { MATERIALS, SUPPLIERS, supplierName, type MaterialCode, type Service } from '../../src/core/services'
import { isSmallMicroResult, smallMicroName } from '../../src/core/small-micro'
import type { Db } from '../db/open'
import { askedMaterials } from '../progress/timeline'

type Detail = StaffCaseDetail['events'][number]['details'][number]

const SIGN_METHODS: Record<string, string> = { tap: '点按确认签署', 'typed-name': '输入姓名签署' }

const materialName = (code: unknown) => MATERIALS[code as MaterialCode]?.name ?? '其他材料'
const time = (ms: unknown) => (typeof ms === 'number' && Number.isFinite(ms) ? chinaDateTime(new Date(ms)) : String(ms))
const instant = (iso: unknown) => (typeof iso === 'string' && !Number.isNaN(Date.parse(iso)) ? chinaDateTime(new Date(iso)) : String(iso))
const free = (v: unknown) => maskText(String(v))

/** One payload field as a label and a readable value; undefined for what staff need not read (digests, internal ids). */
function detailOf(key: string, value: unknown, type: string): Detail | undefined {
  switch (key) {
    case 'recordId': return { label: '推送记录号', value: String(value) }
    case 'handler': return { label: '经办人', value: free(value) }
    case 'opinion': return { label: '意见', value: free(value) }
    case 'startTime': return { label: '企业系统办理时间', value: time(value) }
    case 'endTime': return { label: '企业系统完成时间', value: time(value) }
    case 'pauseReason': return { label: '暂停原因', value: pauseReason(value)?.name ?? '未写明（旧记录）' }
    case 'dueBy': return { label: '期限', value: String(value) }
    case 'materials':
      return Array.isArray(value)
        ? { label: '要求补正', value: askedMaterials({ payload: { materials: value } }) }
        : { label: '证照材料', value: `${String(value)}份` }
    case 'uploads': return { label: '上传文件', value: `${String(value)}份` }
    case 'files': return { label: '材料', value: Object.entries(value as Record<string, unknown[]>).map(([c, ids]) => `${materialName(c)}${ids.length}份`).join('、') }
    case 'reason': return { label: type === 'reassigned' ? '改派原因' : '原因', value: free(value) }
    case 'note': return { label: '说明', value: free(value) }
    case 'message': return { label: '催办说明', value: free(value) }
    case 'method': return { label: '签署方式', value: SIGN_METHODS[String(value)] ?? '在线签署' }
    case 'signedAt': return { label: '签署时间', value: instant(value) }
    case 'grade': return { label: '评价', value: RATING_GRADES[value as keyof typeof RATING_GRADES] ?? `${String(value)}级` }
    case 'followUpBy': return { label: '回访期限', value: String(value) }
    case 'kind': return type === 'disputed' ? { label: '异议', value: DISPUTE_KINDS[value as keyof typeof DISPUTE_KINDS] ?? '其他' } : undefined
    case 'needed': return { label: '外部线路工程', value: value === true ? '需要' : '不需要' }
    case 'from': return { label: '原供电企业', value: supplierName(String(value)) || String(value) }
    case 'to': return { label: '改派至', value: supplierName(String(value)) || String(value) }
    case 'of': return { label: '针对记录', value: `#${String(value)}` }
    case 'smallMicro': return { label: '认定结果', value: isSmallMicroResult(value) ? smallMicroName(value) : String(value) }
    case 'basis': return { label: '依据', value: String(value) }
    case 'registrySource': return { label: '查询来源', value: String(value) }
    case 'registryDate': return { label: '名录记录日期', value: String(value) }
    case 'contractHash': return undefined
    default: return { label: '其他', value: free(typeof value === 'string' ? value : JSON.stringify(value)) }
  }
}

/** The staff log's words for each event type: a type without words fails the typecheck. */
const EVENT_WORDS: Record<EventType, (stage: string) => string> = {
  submitted: () => '提交申请',
  'contract-signed': () => '在线签订供用电合同',
  'stage-started': (stage) => `${stage} 开始`,
  'stage-finished': (stage) => `${stage} 完成`,
  'supplement-requested': (stage) => `${stage} 要求补正材料（暂停计时）`,
  'supplement-received': () => '申请人提交补正材料（恢复计时）',
  paused: (stage) => `${stage} 暂停计时`,
  resumed: () => '恢复计时',
  completed: () => '办结',
  rejected: () => '不予受理',
  withdrawn: () => '申请人撤回申请',
  'checkpoint-materials': (stage) => `申请人上传${stage}材料`,
  urged: () => '催办',
  rated: () => '申请人评价',
  disputed: () => '申请人对暂停或补正提出异议',
  'external-works-recorded': () => '记录是否需要外部线路工程',
  reassigned: () => '改派供电企业（计时不变）',
  'property-proof-received': () => '申请人补交用电地址物权证明（一证受理）',
  'small-micro-checked': () => '小微企业认定：国家小微企业名录查询结果',
}

export interface ActorNames {
  applicant: string
  /** staff username → display name */
  staff: Map<string, string>
  /** push app key → supplier name */
  pushers: Map<string, string>
}

export function actorNames(db: Db, applicantName: string | null): ActorNames {
  const staff = db.prepare('SELECT username, display_name FROM staff_account').all() as { username: string; display_name: string }[]
  const clients = db.prepare('SELECT app_key, supplier FROM push_client').all() as { app_key: string; supplier: string }[]
  return {
    applicant: applicantName ? `申请人 ${maskName(applicantName)}` : '申请人',
    staff: new Map(staff.map((s) => [s.username, `工作人员 ${s.display_name}`])),
    pushers: new Map(clients.map((c) => [c.app_key, `${SUPPLIERS.find((s) => s.code === c.supplier)?.name ?? '供电企业'}系统推送`])),
  }
}

function actorName(actor: string, names: ActorNames): string {
  if (actor === 'system') return '系统'
  if (actor.startsWith('applicant:')) return names.applicant
  if (actor.startsWith('push:')) return names.pushers.get(actor.slice(5)) ?? '供电企业系统推送'
  return names.staff.get(actor) ?? '工作人员'
}

export interface EventInput {
  type: string
  stage: string | null
  actor: string
  payload: Record<string, unknown>
}

/** The readable part of one log entry. */
export function eventView(service: Service, e: EventInput, names: ActorNames): Pick<StaffCaseDetail['events'][number], 'text' | 'actorName' | 'details'> {
  const stage = e.stage ? stageName(service, e.stage) : ''
  const text = EVENT_WORDS[e.type as EventType]?.(stage) ?? '其他记录'
  const details = Object.entries(e.payload).flatMap(([k, v]) => (v === undefined || v === null ? [] : [detailOf(k, v, e.type)].filter((d): d is Detail => d !== undefined)))
  return { text, actorName: actorName(e.actor, names), details }
}
