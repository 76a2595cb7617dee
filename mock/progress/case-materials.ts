// The materials of an application (as submitted, plus supplements), in their masked views.
import type { MaterialView } from '../../src/contract/licences'
import type { Db } from '../db/open'
import { materialView, type MaterialRow } from '../licences/material-view'
import { answersOf, type ApplicationRow } from './case'
import { statement } from './statements'

function materialIds(db: Db, row: ApplicationRow): string[] {
  const { materials } = answersOf(row)
  const supplied = statement(db, 'SELECT material_id FROM supplement_file WHERE application_number = ? AND material_id IS NOT NULL ORDER BY id')
    .all(row.number) as { material_id: string }[]
  const ids = [materials.idCard.materialId, materials.property?.materialId, materials.agentIdCard?.materialId, ...supplied.map((s) => s.material_id)]
  return [...new Set(ids.filter((id): id is string => Boolean(id)))]
}

export function caseMaterials(db: Db, row: ApplicationRow): MaterialView[] {
  const read = statement(db, 'SELECT id, kind, source, status, needs_review, data_json FROM material WHERE id = ? AND owner_id = ?')
  return materialIds(db, row)
    .map((id) => read.get(id, row.owner_id) as MaterialRow | undefined)
    .filter((m): m is MaterialRow => m !== undefined)
    .map(materialView)
}
