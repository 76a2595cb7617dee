// What staff do on a case: reveal one full value for a stated reason, add an internal note, urge the handling
// unit. Free text is masked before it is stored; the revealed value is never stored anywhere.
import { providerByCode } from '../../src/core/providers'
import type { z } from 'zod'
import type { revealBody } from '../../src/contract/staff'
import { maskText } from '../../src/core/masking'
import { isRunning } from '../../src/core/progress'
import { appendEvents } from '../applications/events'
import type { Db } from '../db/open'
import { AppError } from '../http/app-error'
import { requireAllowed, type ApplicationRow, type Case, type ProgressDeps } from '../progress/case'
import { notifyHandlingUnit, type Notice } from '../progress/notify'
import { applicantOf } from './applicant'
import { supplierName, type SupplierCode } from '../../src/core/services'

export const REVEAL_FIELDS = { idNumber: '身份证号', mobile: '手机号', name: '姓名' } as const

export function revealValue(db: Db, row: ApplicationRow, field: z.output<typeof revealBody>['field']): string {
  const who = applicantOf(db, row)
  const value = { idNumber: who.idNumber, mobile: who.mobile, name: who.name }[field]
  if (!value) throw new AppError('NOT_FOUND', `该申请没有记录${REVEAL_FIELDS[field]}`)
  return value
}

/** Internal notes are append-only; the applicant never sees them. */
export function addNote(db: Db, number: string, author: string, text: string, at: Date): void {
  db.prepare('INSERT INTO staff_note (application_number, author, text, at) VALUES (?, ?, ?, ?)').run(number, author, maskText(text), at.toISOString())
}

/** 催办: only while the case is open. Appends 'urged' (no effect on the clock) and notifies the handling unit. */
export function urgeCase(deps: ProgressDeps, c: Case, staff: string, message: string): Notice {
  requireAllowed(c.facts.closed === null, '申请已办结、不予受理或已撤回，无需催办')
  const at = deps.now()
  const masked = maskText(message)
  const stage = c.service.stages.find((s) => isRunning(c.facts, s.code))?.code ?? null
  appendEvents(deps.db, c.row.number, [{ type: 'urged', stage, actor: staff, payload: { message: masked } }], at)
  return notifyHandlingUnit(deps.db, c.row, `已被督促加快办理：${masked}`, at)
}

/** Records whether the case needs external line works (once more corrects it; the clock is not touched). */
export function recordExternalWorks(deps: ProgressDeps, c: Case, staff: string, needed: boolean, note: string): void {
  requireAllowed(c.facts.closed === null, '申请已办结、不予受理或已撤回，不能再记录')
  appendEvents(deps.db, c.row.number, [{ type: 'external-works-recorded', stage: null, actor: staff, payload: { needed, note: maskText(note) } }], deps.now())
}

/** Closes a case's 差评 follow-up once, with what the call found (free text masked); NOT_FOUND when it has none. */
export function closeFollowUp(db: Db, number: string, staff: string, note: string, at: Date): void {
  const f = db.prepare('SELECT closed_at FROM rating_follow_up WHERE application_number = ?').get(number) as { closed_at: string | null } | undefined
  if (!f) throw new AppError('NOT_FOUND', '该申请没有需要回访的差评')
  requireAllowed(f.closed_at === null, '该差评已完成回访')
  db.prepare('UPDATE rating_follow_up SET closed_at = ?, closed_by = ?, close_note = ? WHERE application_number = ? AND closed_at IS NULL')
    .run(at.toISOString(), staff, maskText(note), number)
}

/**
 * 改派: the case moves to enterprise `to` (the route lets only 班长, from their own enterprise, and the admin). Logged as 'reassigned' with the reason; the clock keeps running. From then on the
 * new enterprise's staff see it and push for it, the old one's do not.
 */
export function reassignCase(deps: ProgressDeps, c: Case, staff: string, to: SupplierCode, reason: string): void {
  requireAllowed(c.facts.closed === null, '申请已办结、不予受理或已撤回，不能改派')
  requireAllowed(c.row.supplier !== to, `该申请已由${supplierName(to)}办理`)
  requireAllowed(providerByCode(to)?.kind === c.service.utility, `${supplierName(to)}不办理${c.service.name}，只能改派给办理同一业务的企业`)
  const { db } = deps
  db.prepare('UPDATE application SET supplier = ? WHERE number = ?').run(to, c.row.number)
  // the search row's supplier is written once at submission; a reassignment is the one thing that changes it
  db.prepare('UPDATE application_search SET supplier = ? WHERE number = ?').run(to, c.row.number)
  appendEvents(db, c.row.number, [{ type: 'reassigned', stage: null, actor: staff, payload: { from: c.row.supplier, to, reason: maskText(reason) } }], deps.now())
}
