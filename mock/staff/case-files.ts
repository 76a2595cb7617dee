// The files of a case that staff may open: the photos behind its materials, the agent's authorisation letter,
// the 10 kV project approval, supplement uploads and checkpoint materials — only ever the owner's own uploads.
import fs from 'node:fs'
import path from 'node:path'
import type { StaffCaseDetail } from '../../src/contract/staff'
import { MATERIALS, type MaterialCode, type SupplierCode } from '../../src/core/services'
import type { Db } from '../db/open'
import { AppError } from '../http/app-error'
import { answersOf, ownerApplications, type ApplicationRow } from '../progress/case'
import { caseMaterials } from '../progress/case-materials'

type Upload = StaffCaseDetail['materials'][number]['uploads'][number]
type CaseFile = StaffCaseDetail['files'][number]

function ownUploads(db: Db, ids: string[], ownerId: string): Upload[] {
  const read = db.prepare('SELECT id AS uploadId, mime, size FROM upload WHERE id = ? AND owner_id = ?')
  return ids.map((id) => read.get(id, ownerId) as Upload | undefined).filter((u): u is Upload => u !== undefined)
}

/** The photos (or PDF) a material was made from. */
export function materialUploads(db: Db, materialId: string, ownerId: string): Upload[] {
  const m = db.prepare('SELECT upload_ids FROM material WHERE id = ? AND owner_id = ?').get(materialId, ownerId) as { upload_ids: string } | undefined
  return m ? ownUploads(db, JSON.parse(m.upload_ids) as string[], ownerId) : []
}

/** The case's files that belong to no material. */
export function otherFiles(db: Db, row: ApplicationRow): CaseFile[] {
  const { applicant, materials } = answersOf(row)
  const refs: Omit<CaseFile, 'mime' | 'size'>[] = []
  if (applicant.agentLetterUploadId) refs.push({ uploadId: applicant.agentLetterUploadId, kind: 'agent-letter', label: MATERIALS['agent-authorisation'].name })
  if (materials.projectApprovalUploadId) refs.push({ uploadId: materials.projectApprovalUploadId, kind: 'project-approval', label: MATERIALS['project-approval'].name })
  const supplied = db.prepare('SELECT upload_id FROM supplement_file WHERE application_number = ? AND upload_id IS NOT NULL ORDER BY id').pluck().all(row.number) as string[]
  for (const uploadId of supplied) refs.push({ uploadId, kind: 'supplement', label: '补正材料' })
  const checkpoints = db.prepare('SELECT upload_id, material_code FROM checkpoint_file WHERE application_number = ? ORDER BY id').all(row.number) as
    { upload_id: string; material_code: string }[]
  for (const c of checkpoints) refs.push({ uploadId: c.upload_id, kind: 'checkpoint', label: MATERIALS[c.material_code as MaterialCode]?.name ?? c.material_code })
  return refs.flatMap((ref) => ownUploads(db, [ref.uploadId], row.owner_id).map((u) => ({ ...ref, ...u })))
}

function referencedBy(db: Db, row: ApplicationRow, uploadId: string): boolean {
  return otherFiles(db, row).some((f) => f.uploadId === uploadId) ||
    caseMaterials(db, row).some((m) => materialUploads(db, m.materialId, row.owner_id).some((u) => u.uploadId === uploadId))
}

export interface CaseUpload extends Upload {
  /** the case it was opened through */
  number: string
  file: string
}

/** An upload some case in these enterprises refers to, with its stored file; anything else is NOT_FOUND. */
export function caseUpload(db: Db, uploadsDir: string, uploadId: string, suppliers: SupplierCode[]): CaseUpload {
  const upload = db.prepare('SELECT id, owner_id, mime, size FROM upload WHERE id = ?').get(uploadId) as
    { id: string; owner_id: string; mime: string; size: number } | undefined
  const row = upload && ownerApplications(db, upload.owner_id)
    .find((r) => suppliers.includes(r.supplier as SupplierCode) && referencedBy(db, r, upload.id))
  const file = upload && path.join(uploadsDir, path.basename(upload.id))
  if (!upload || !row || !file || !fs.existsSync(file)) throw new AppError('NOT_FOUND')
  return { uploadId: upload.id, mime: upload.mime, size: upload.size, number: row.number, file }
}
