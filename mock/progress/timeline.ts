// The history in plain Chinese for the applicant: one line per event, corrections marked.
import type { z } from 'zod'
import { DISPUTE_KINDS, RATING_GRADES, type timelineEntrySchema } from '../../src/contract/progress'
import { maskText } from '../../src/core/masking'
import { pauseReason, stageName, type ProgressEvent } from '../../src/core/progress'
import { STAFF_ONLY_EVENT_TYPES, type EventType } from '../../src/core/progress/events'
import { MATERIALS, supplierName, type MaterialCode, type Service } from '../../src/core/services'

type TimelineEntry = z.infer<typeof timelineEntrySchema>


function said(e: ProgressEvent, key: string): string {
  const value = e.payload[key]
  return typeof value === 'string' && value.trim() ? maskText(value.trim()) : ''
}
const withText = (head: string, text: string) => (text ? `${head}：${text}` : head)
const dueText = (e: ProgressEvent) => (said(e, 'dueBy') ? `，期限${said(e, 'dueBy')}` : '')

/** The materials a 补正 asks for, by name with the utility's note; older requests only had an opinion. */
export function askedMaterials(e: Pick<ProgressEvent, 'payload'>): string {
  const asked = Array.isArray(e.payload.materials) ? (e.payload.materials as { code?: string; note?: string }[]) : []
  return asked.map((m) => {
    const name = MATERIALS[m.code as MaterialCode]?.name ?? ''
    const note = typeof m.note === 'string' && m.note.trim() ? `（${maskText(m.note.trim())}）` : ''
    return `${name}${note}`
  }).filter(Boolean).join('、')
}

/** Pauses stored before reasons were a closed list name none of them: they are not blamed on the applicant. */
function pauseText(e: ProgressEvent): string {
  const reason = pauseReason(e.payload.pauseReason)
  return reason ? `暂停计时：${reason.name}，等待${reason.awaited}${dueText(e)}` : '暂停计时（未写明原因）'
}

type Words = (e: ProgressEvent, stage: string) => string

/** The applicant's words for each event type: a type without words fails the typecheck (as the staff log's). */
const APPLICANT_WORDS: Record<EventType, Words> = {
  submitted: () => '提交申请',
  'stage-started': (_e, stage) => `${stage} 开始`,
  'stage-finished': (e, stage) => withText(`${stage} 完成`, said(e, 'opinion')),
  'contract-signed': () => '在线签订《低压供用电合同》',
  'supplement-requested': (e) => `${withText('需要补正材料', askedMaterials(e) || said(e, 'opinion') || '请按供电企业的要求补正')}${dueText(e)}`,
  'supplement-received': () => '已提交补正材料，恢复计时',
  paused: pauseText,
  resumed: () => '恢复计时',
  completed: (e) => withText('已办结', said(e, 'opinion')),
  rejected: (e) => withText('不予受理', said(e, 'opinion')),
  withdrawn: (e) => withText('已撤回申请', said(e, 'reason')),
  'checkpoint-materials': (_e, stage) => `已上传${stage}材料`,
  'property-proof-received': () => '已补交用电地址物权证明（一证受理）',
  urged: () => '已督促供电企业加快办理',
  'external-works-recorded': (e) => (e.payload.needed === true ? '供电企业确认：需要外部线路工程' : '供电企业确认：不需要外部线路工程'),
  reassigned: (e) => `改由${supplierName(String(e.payload.to))}办理，办理时限照常计算`,
  disputed: (e) => `${withText(`您提出异议：${DISPUTE_KINDS[e.payload.kind as keyof typeof DISPUTE_KINDS] ?? ''}`, said(e, 'note'))}，已转工作人员核实`,
  rated: (e) => {
    const grade = RATING_GRADES[e.payload.grade as keyof typeof RATING_GRADES] ?? ''
    const followUp = said(e, 'followUpBy')
    return `已评价：${grade}${followUp ? `；供电企业将在${followUp}前回访` : ''}`
  },
  // kept for staff only (timelineOf leaves it out); named in case it is ever shown
  'small-micro-checked': () => '小微企业认定',
}

/** An event's line; a type this server does not know (older data) shows as its code rather than failing the page. */
function describe(service: Service, e: ProgressEvent): string {
  const words = (APPLICANT_WORDS as Record<string, Words | undefined>)[e.type]
  return words ? words(e, stageName(service, e.stage)) : e.type
}

/** The applicant's history: every event but those recorded for staff only (STAFF_ONLY_EVENT_TYPES). */
export function timelineOf(service: Service, events: ProgressEvent[]): TimelineEntry[] {
  const corrected = new Set(events.map((e) => e.correctsId).filter((id): id is number => id !== null))
  return events.filter((e) => !STAFF_ONLY_EVENT_TYPES.includes(e.type as EventType)).map((e) => {
    const text = describe(service, e)
    return {
      id: e.id,
      type: e.type,
      text: e.correctsId !== null ? `更正：${text}` : corrected.has(e.id) ? `${text}（已更正）` : text,
      at: e.at,
      corrects: e.correctsId,
    }
  })
}
