// What the applicant changes on a case: withdraw, supplement, 10 kV checkpoint materials. Each appends an event.
import type { z } from 'zod'
import { DISPUTE_KINDS, type checkpointBody, type disputeBody, type supplementBody, type withdrawBody } from '../../src/contract/progress'
import type { FieldError } from '../../src/contract'
import { MATERIALS, type MaterialCode } from '../../src/core/services'
import { maskText } from '../../src/core/masking'
import type { Db } from '../db/open'
import { appendEvents } from '../applications/events'
import { AppError } from '../http/app-error'
import { runningCheckpoint } from './actions'
import { notifyHandlingUnit } from './notify'
import { disputeOf, openClockStop } from './waiting'
import { requireAllowed, type Case, type ProgressDeps } from './case'

const actor = (c: Case) => `applicant:${c.row.owner_id}`
const owns = (db: Db, table: 'upload' | 'material', id: string, ownerId: string) =>
  db.prepare(`SELECT 1 FROM ${table} WHERE id = ? AND owner_id = ?`).get(id, ownerId) !== undefined

function refuseUnlessEmpty(errors: FieldError[]): void {
  if (errors.length) throw new AppError('VALIDATION_FAILED', undefined, errors)
}

/** 撤件: only before the case is completed, rejected or withdrawn. Call inside a transaction. */
export function withdrawCase(deps: ProgressDeps, c: Case, body: z.output<typeof withdrawBody>): void {
  requireAllowed(c.facts.closed === null, '申请已办结、不予受理或已撤回，不能再撤回')
  appendEvents(deps.db, c.row.number, [{ type: 'withdrawn', stage: null, actor: actor(c), payload: { reason: maskText(body.reason) } }], deps.now())
}

/**
 * 我已提交 / 这不是我的原因: once per open pause or 补正. Logged, and the enterprise's handling unit is told; the
 * clock itself changes only by what staff then record. Call inside a transaction.
 */
export function disputeCase(deps: ProgressDeps, c: Case, body: z.output<typeof disputeBody>): void {
  const open = c.facts.closed ? null : openClockStop(c)
  requireAllowed(open !== null, '当前没有暂停计时或补正要求')
  requireAllowed(open !== null && disputeOf(c, open) === null, '您已对这次暂停提出过异议，工作人员正在核实')
  const note = body.note ? maskText(body.note) : undefined
  const at = deps.now()
  appendEvents(deps.db, c.row.number, [{ type: 'disputed', stage: open?.stage ?? null, actor: actor(c), payload: { of: open?.id, kind: body.kind, note } }], at)
  const what = open?.type === 'paused' ? '暂停计时' : '补正要求'
  notifyHandlingUnit(deps.db, c.row, `的申请人对${what}提出异议：${DISPUTE_KINDS[body.kind]}${note ? `，${note}` : ''}，请核实`, at, 'sms-disputed-unit')
}

/** 补正: only while a supplement request is open; resumes the utility's clock. Call inside a transaction. */
export function supplementCase(deps: ProgressDeps, c: Case, body: z.output<typeof supplementBody>): void {
  requireAllowed(c.facts.closed === null && c.facts.openSupplement !== null, '当前没有需要补正的材料')
  const { db } = deps
  const owner = c.row.owner_id
  refuseUnlessEmpty([
    ...body.uploadIds.flatMap((id, i) => (owns(db, 'upload', id, owner) ? [] : [{ path: `uploadIds.${i}`, message: '未找到该上传文件，请重新上传' }])),
    ...body.materialIds.flatMap((id, i) => (owns(db, 'material', id, owner) ? [] : [{ path: `materialIds.${i}`, message: '未找到该证照材料，请重新获取' }])),
  ])
  const payload = { uploads: body.uploadIds.length, materials: body.materialIds.length, note: body.note ? maskText(body.note) : undefined }
  const [eventId] = appendEvents(db, c.row.number, [{ type: 'supplement-received', stage: c.facts.openSupplement?.stage ?? null, actor: actor(c), payload }], deps.now())
  const insert = db.prepare('INSERT INTO supplement_file (application_number, event_id, upload_id, material_id) VALUES (?, ?, ?, ?)')
  for (const id of body.uploadIds) insert.run(c.row.number, eventId, id, null)
  for (const id of body.materialIds) insert.run(c.row.number, eventId, null, id)
}

/** The material codes must be exactly the checkpoint's, and every upload the applicant's own. */
function checkpointErrors(db: Db, owner: string, codes: MaterialCode[], files: Record<string, string[]>): FieldError[] {
  const missing = codes.filter((code) => !files[code]).map((code) => ({ path: `files.${code}`, message: `请上传${MATERIALS[code].name}` }))
  const extra = Object.keys(files).filter((code) => !codes.includes(code as MaterialCode))
    .map((code) => ({ path: `files.${code}`, message: '该环节不需要这项材料' }))
  const unknown = Object.entries(files).flatMap(([code, ids]) =>
    ids.flatMap((id, i) => (owns(db, 'upload', id, owner) ? [] : [{ path: `files.${code}.${i}`, message: '未找到该上传文件，请重新上传' }])))
  return [...missing, ...extra, ...unknown]
}

/** 10 kV 设计审查 / 中间检查 / 竣工检验 materials, while that checkpoint is in progress. Call inside a transaction. */
export function checkpointUpload(deps: ProgressDeps, c: Case, body: z.output<typeof checkpointBody>): void {
  const checkpoint = runningCheckpoint(c.service, c.facts)
  requireAllowed(checkpoint?.code === body.stage, '该环节现在不能上传材料')
  const { db } = deps
  refuseUnlessEmpty(checkpointErrors(db, c.row.owner_id, checkpoint?.materials ?? [], body.files))
  const [eventId] = appendEvents(db, c.row.number, [{ type: 'checkpoint-materials', stage: body.stage, actor: actor(c), payload: { files: body.files } }], deps.now())
  const insert = db.prepare('INSERT INTO checkpoint_file (application_number, event_id, stage, material_code, upload_id) VALUES (?, ?, ?, ?, ?)')
  for (const [code, ids] of Object.entries(body.files)) for (const id of ids) insert.run(c.row.number, eventId, body.stage, code, id)
}
