// The materials of an application (as submitted, plus supplements), in their masked views.
import type { MaterialView } from '../../src/contract/licences'
import type { ApplicationDetail } from '../../src/contract/progress'
import type { Db } from '../db/open'
import { materialView, type MaterialRow } from '../licences/material-view'
import { answersOf, type ApplicationRow } from './case'
import { statement } from './statements'

/**
 * The application's materials in one statement: those its answers name, then those its supplements added, in
 * that order, each once, only the owner's (a material id is never trusted without its owner).
 */
const MATERIALS_SQL = `WITH wanted (id, pos) AS (
    SELECT value, key FROM json_each(?)
    UNION ALL SELECT material_id, 1000000 + id FROM supplement_file WHERE application_number = ? AND material_id IS NOT NULL)
  SELECT m.id, m.kind, m.source, m.status, m.needs_review, m.data_json, MIN(w.pos) AS pos
  FROM wanted w JOIN material m ON m.id = w.id AND m.owner_id = ?
  GROUP BY m.id ORDER BY pos`

export function caseMaterials(db: Db, row: ApplicationRow): MaterialView[] {
  const { materials } = answersOf(row)
  const named = [materials.idCard.materialId, materials.property?.materialId, materials.agentIdCard?.materialId].filter((id): id is string => Boolean(id))
  return (statement(db, MATERIALS_SQL).all(JSON.stringify(named), row.number, row.owner_id) as MaterialRow[]).map(materialView)
}

/** The photos and PDFs handed in for 补正 (the applicant's own uploads only), oldest first: type, size and when. */
export function supplementFiles(db: Db, row: ApplicationRow): ApplicationDetail['supplementFiles'] {
  const rows = statement(db, `SELECT u.mime, u.size, e.at FROM supplement_file f
    JOIN upload u ON u.id = f.upload_id AND u.owner_id = ? JOIN application_event e ON e.id = f.event_id
    WHERE f.application_number = ? ORDER BY f.id`).all(row.owner_id, row.number) as { mime: string; size: number; at: string }[]
  return rows.map((r) => ({ mime: r.mime, sizeKb: Math.ceil(r.size / 1024), at: r.at }))
}
