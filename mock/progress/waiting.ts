// While the utility's clock stands: what is awaited, from whom, by when and what the applicant does about it,
// from the open pause or 补正 and the closed list of reasons (src/core/progress/clock-stops.ts).
import type { Waiting } from '../../src/contract/progress'
import type { Calendar } from '../../src/core/calendar/calendar'
import { maskText } from '../../src/core/masking'
import { EVENT_TYPES, pauseReason, type ProgressEvent } from '../../src/core/progress'
import { MATERIALS, type MaterialCode } from '../../src/core/services'
import type { Case } from './case'

const text = (e: ProgressEvent, key: string): string | null => {
  const value = e.payload[key]
  return typeof value === 'string' && value.trim() ? maskText(value.trim()) : null
}

function materialsOf(e: ProgressEvent): Waiting['materials'] {
  const asked = Array.isArray(e.payload.materials) ? (e.payload.materials as { code?: string; note?: string }[]) : []
  return asked.flatMap((m) => {
    const material = MATERIALS[m.code as MaterialCode]
    return material ? [{ code: material.code, name: material.name, note: typeof m.note === 'string' && m.note.trim() ? maskText(m.note.trim()) : null }] : []
  })
}

/** The applicant's dispute of the open pause or 补正 (a 'disputed' event after it), if any. */
export function disputeOf(c: Case, open: ProgressEvent): Waiting['dispute'] {
  const d = c.events.find((e) => e.type === EVENT_TYPES.disputed && e.payload.of === open.id)
  return d ? { kind: d.payload.kind === 'done' ? 'done' : 'not-mine', at: d.at } : null
}

/** The open pause or 补正 (a 补正 first: it is the one the applicant acts on). */
export function openClockStop(c: Case): ProgressEvent | null {
  return c.facts.openSupplement ?? c.facts.openPause
}

export function waitingOf(c: Case, calendar: Calendar): Waiting | null {
  if (c.facts.closed) return null
  const open = openClockStop(c)
  if (!open) return null
  const dueBy = typeof open.payload.dueBy === 'string' ? open.payload.dueBy : null
  const dueEstimated = dueBy !== null && !calendar.hasYear(Number(dueBy.slice(0, 4)))
  const base = { dueBy, dueEstimated, since: open.at, dispute: disputeOf(c, open) }
  if (open === c.facts.openSupplement) {
    const materials = materialsOf(open)
    return {
      ...base, kind: 'supplement', title: '需要您补正材料', from: '您（申请人）', materials,
      awaited: materials.length ? materials.map((m) => m.name).join('、') : (text(open, 'opinion') ?? '供电企业要求的补正材料'),
      todo: '在下方上传或从渝快办获取所需材料并提交；提交后立即恢复计时',
    }
  }
  const reason = pauseReason(open.payload.pauseReason)
  if (!reason) {
    return {
      ...base, kind: 'pause', title: '暂停计时（供电企业未写明原因）', from: '未写明', materials: [],
      awaited: text(open, 'opinion') ?? '供电企业未说明', todo: '如果您没有需要办理的事项，请点“这不是我的原因”，工作人员将核实',
    }
  }
  const from = open.payload.pauseReason === 'customer-works' ? '您委托的施工单位' : '您（申请人）'
  return { ...base, kind: 'pause', title: `暂停计时：${reason.name}`, from, materials: [], awaited: reason.awaited, todo: reason.todo }
}
