// Discarding the current draft deletes it with the documents only it refers to: its materials (a photo material
// holds the recognised or typed ID number) and their uploads, the agent's letter, the project approval — rows and
// stored files. Whatever a submitted application, a 补正, a checkpoint or a 亮证 request refers to stays: that is
// a case's evidence, kept with the case for as long as the case is kept (no retention period is set yet).
import fs from 'node:fs'
import path from 'node:path'
import type { Db } from '../db/open'

export interface DiscardDeps {
  db: Db
  uploadsDir: string
}

/** The string values of `materialId` and `…UploadId(s)` keys anywhere in a draft's free-form answers. */
export function referencedIds(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return key === 'materialId' || /UploadIds?$/.test(key) ? [value] : []
  if (Array.isArray(value)) return value.flatMap((v) => referencedIds(v, key))
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => referencedIds(v, k))
  return []
}

export function discardDraft(deps: DiscardDeps, ownerId: string): { discarded: boolean; deletedUploads: number } {
  const { db } = deps
  const files = db.transaction(() => {
    const draft = db.prepare('SELECT id, answers_json FROM draft WHERE owner_id = ? AND submitted_number IS NULL').all(ownerId) as { id: string; answers_json: string }[]
    if (!draft.length) return undefined
    const ids = new Set(draft.flatMap((d) => referencedIds(JSON.parse(d.answers_json))))
    const evidence = (db.prepare('SELECT answers_json FROM application WHERE owner_id = ?').pluck().all(ownerId) as string[]).join('\n')
    const kept = (id: string) => evidence.includes(id)
    const materials = [...ids].map((id) => db.prepare('SELECT id, upload_ids FROM material WHERE id = ? AND owner_id = ?').get(id, ownerId) as { id: string; upload_ids: string } | undefined)
      .filter((m): m is { id: string; upload_ids: string } => m !== undefined && !kept(m.id)
        && !db.prepare('SELECT 1 FROM supplement_file WHERE material_id = ? UNION ALL SELECT 1 FROM scan_txn WHERE material_id = ?').get(m.id, m.id))
    for (const m of materials) for (const u of JSON.parse(m.upload_ids) as string[]) ids.add(u)
    const deleteMaterial = db.prepare('DELETE FROM material WHERE id = ?')
    for (const m of materials) deleteMaterial.run(m.id)
    const stillUsed = (db.prepare('SELECT upload_ids FROM material WHERE owner_id = ?').pluck().all(ownerId) as string[]).join('\n')
    const uploads = [...ids].filter((id) => !kept(id) && !stillUsed.includes(id)
      && db.prepare('SELECT 1 FROM upload WHERE id = ? AND owner_id = ?').get(id, ownerId)
      && !db.prepare('SELECT 1 FROM supplement_file WHERE upload_id = ? UNION ALL SELECT 1 FROM checkpoint_file WHERE upload_id = ?').get(id, id))
    const deleteUpload = db.prepare('DELETE FROM upload WHERE id = ?')
    for (const id of uploads) deleteUpload.run(id)
    const deleteDraft = db.prepare('DELETE FROM draft WHERE id = ?')
    for (const d of draft) deleteDraft.run(d.id)
    return uploads
  })()
  for (const id of files ?? []) fs.rmSync(path.join(deps.uploadsDir, path.basename(id)), { force: true })
  return { discarded: files !== undefined, deletedUploads: files?.length ?? 0 }
}
