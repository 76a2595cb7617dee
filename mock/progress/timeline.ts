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

function describe(service: Service, e: ProgressEvent): string {
  const name = stageName(service, e.stage)
  switch (e.type) {
    case 'submitted': return '提交申请'
    case 'stage-started': return `${name} 开始`
    case 'stage-finished': return withText(`${name} 完成`, said(e, 'opinion'))
    case 'contract-signed': return '在线签订《低压供用电合同》'
    case 'supplement-requested': return `${withText('需要补正材料', askedMaterials(e) || said(e, 'opinion') || '请按供电企业的要求补正')}${dueText(e)}`
    case 'supplement-received': return '已提交补正材料，恢复计时'
    case 'paused': return pauseText(e)
    case 'resumed': return '恢复计时'
    case 'completed': return withText('已办结', said(e, 'opinion'))
    case 'rejected': return withText('不予受理', said(e, 'opinion'))
    case 'withdrawn': return withText('已撤回申请', said(e, 'reason'))
    case 'checkpoint-materials': return `已上传${name}材料`
    case 'property-proof-received': return '已补交用电地址物权证明（一证受理）'
    case 'urged': return '已督促供电企业加快办理'
    case 'external-works-recorded': return e.payload.needed === true ? '供电企业确认：需要外部线路工程' : '供电企业确认：不需要外部线路工程'
    case 'reassigned': return `改由${supplierName(String(e.payload.to))}办理，办理时限照常计算`
    case 'disputed': return withText(`您提出异议：${DISPUTE_KINDS[e.payload.kind as keyof typeof DISPUTE_KINDS] ?? ''}`, said(e, 'note')) + '，已转工作人员核实'
    case 'rated': {
      const grade = RATING_GRADES[e.payload.grade as keyof typeof RATING_GRADES] ?? ''
      const followUp = said(e, 'followUpBy')
      return `已评价：${grade}${followUp ? `；供电企业将在${followUp}前回访` : ''}`
    }
    default: return e.type
  }
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
