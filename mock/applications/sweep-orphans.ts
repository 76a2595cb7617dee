// Documents nobody refers to any more are deleted once they are old enough that no journey in progress can still
// be holding them: an abandoned OCR attempt, a photo replaced before the draft was saved, the materials of a
// draft the applicant never came back to. A material holds a recognised or typed ID number; an upload is an ID
// card or certificate photo: neither is kept without a purpose. What a draft, an application, a 补正, a
// checkpoint or a 亮证 request refers to is never touched.
import fs from 'node:fs'
import path from 'node:path'
import type { Db } from '../db/open'
import { referencedIds } from './discard-draft'

/** How long an unreferenced material is kept: longer than any draft sits unsaved on a phone. */
export const ORPHAN_AGE_DAYS = 30
/**
 * How long an upload nothing refers to is kept: a journey turns a photo into a material, or attaches a file to a
 * draft or a 补正, within minutes; the sweep runs hourly, so such a file is gone within ORPHAN_UPLOAD_HOURS + 1.
 */
export const ORPHAN_UPLOAD_HOURS = 3
export const SWEEP_EVERY_MS = 3600_000

export interface SweepDeps {
  db: Db
  uploadsDir: string
  now: () => Date
}

/** Deletes unreferenced materials older than ORPHAN_AGE_DAYS and uploads older than ORPHAN_UPLOAD_HOURS, rows and files. */
export function sweepOrphans(deps: SweepDeps): { materials: number; uploads: number } {
  const { db } = deps
  const before = new Date(deps.now().getTime() - ORPHAN_AGE_DAYS * 86_400_000).toISOString()
  const uploadsBefore = new Date(deps.now().getTime() - ORPHAN_UPLOAD_HOURS * 3600_000).toISOString()
  const files = db.transaction(() => {
    const oldMaterials = db.prepare('SELECT id FROM material WHERE created_at < ?').pluck().all(before) as string[]
    const oldUploads = db.prepare('SELECT id FROM upload WHERE created_at < ?').pluck().all(uploadsBefore) as string[]
    if (!oldMaterials.length && !oldUploads.length) return { materials: 0, uploads: [] as string[] }
    const answers = db.prepare('SELECT answers_json FROM draft UNION ALL SELECT answers_json FROM application').pluck().all() as string[]
    const inAnswers = new Set(answers.flatMap((a) => referencedIds(JSON.parse(a))))
    const heldElsewhere = new Set(db.prepare(`SELECT material_id FROM supplement_file WHERE material_id IS NOT NULL
      UNION SELECT material_id FROM scan_txn WHERE material_id IS NOT NULL`).pluck().all() as string[])
    const materials = oldMaterials.filter((id) => !inAnswers.has(id) && !heldElsewhere.has(id))
    const deleteMaterial = db.prepare('DELETE FROM material WHERE id = ?')
    for (const id of materials) deleteMaterial.run(id)

    const usedByMaterials = (db.prepare('SELECT upload_ids FROM material').pluck().all() as string[]).flatMap((u) => JSON.parse(u) as string[])
    const used = new Set([...inAnswers, ...usedByMaterials, ...(db.prepare(`SELECT upload_id FROM supplement_file WHERE upload_id IS NOT NULL
      UNION SELECT upload_id FROM checkpoint_file`).pluck().all() as string[])])
    const uploads = oldUploads.filter((id) => !used.has(id))
    const deleteUpload = db.prepare('DELETE FROM upload WHERE id = ?')
    for (const id of uploads) deleteUpload.run(id)
    return { materials: materials.length, uploads }
  })()
  for (const id of files.uploads) fs.rmSync(path.join(deps.uploadsDir, path.basename(id)), { force: true })
  return { materials: files.materials, uploads: files.uploads.length }
}
