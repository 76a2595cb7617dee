// The materials of an application (as submitted, plus supplements), in their masked views.
import type { MaterialView } from '../../src/contract/licences'
import type { ApplicationDetail } from '../../src/contract/progress'
import type { Db } from '../db/open'
import { materialView, type MaterialRow } from '../licences/material-view'
import { answersOf, type ApplicationRow } from './case'
import { statement } from './statements'

const MATERIAL_SQL = 'SELECT id, kind, source, status, needs_review, data_json FROM material WHERE id = ? AND owner_id = ?'
const SUPPLEMENTED_SQL = 'SELECT material_id FROM supplement_file WHERE application_number = ? AND material_id IS NOT NULL ORDER BY id'

/**
 * The application's materials: those its answers name, then those its supplements added, in that order, each
 * once, only the owner's (a material id is never trusted without its owner). One primary-key read per material
 * (one to three): a statement joining json_each of the named ids with the supplements cost more than all of them.
 */
export function caseMaterials(db: Db, row: ApplicationRow): MaterialView[] {
  const { materials } = answersOf(row)
  const ids: string[] = []
  for (const id of [materials.idCard.materialId, materials.property?.materialId, materials.agentIdCard?.materialId]) if (id && !ids.includes(id)) ids.push(id)
  for (const { material_id: id } of statement(db, SUPPLEMENTED_SQL).all(row.number) as { material_id: string }[]) if (!ids.includes(id)) ids.push(id)
  const views: MaterialView[] = []
  for (const id of ids) {
    const material = statement(db, MATERIAL_SQL).get(id, row.owner_id) as MaterialRow | undefined
    if (material) views.push(materialView(material))
  }
  return views
}

/** The photos and PDFs handed in for 补正 (the applicant's own uploads only), oldest first: type, size and when. */
export function supplementFiles(db: Db, row: ApplicationRow): ApplicationDetail['supplementFiles'] {
  const rows = statement(db, `SELECT u.mime, u.size, e.at FROM supplement_file f
    JOIN upload u ON u.id = f.upload_id AND u.owner_id = ? JOIN application_event e ON e.id = f.event_id
    WHERE f.application_number = ? ORDER BY f.id`).all(row.owner_id, row.number) as { mime: string; size: number; at: string }[]
  return rows.map((r) => ({ mime: r.mime, sizeKb: Math.ceil(r.size / 1024), at: r.at }))
}
