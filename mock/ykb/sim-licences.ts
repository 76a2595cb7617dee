// The simulator's e-licence catalogue: lookups in its own store, and the catalogue entry as its API answers it.
import { LICENCE_TYPES } from '../seed/demo-data'
import type { ShowKind } from './sim-show'
import type { SimDb, SimIdentity } from './sim-store'

/** The catalogue type of each kind a holder can show. */
export const TYPE_OF_KIND: Record<ShowKind, string> = { 'id-card': LICENCE_TYPES.idCard.code, property: LICENCE_TYPES.property.code }

/** A demo identity by its key (the holder pages play only demo identities). */
export function demoIdentity(db: SimDb, key: string): SimIdentity | undefined {
  return db.prepare('SELECT id, name, id_number, mobile FROM identity WHERE id = ? AND demo = 1').get(key) as SimIdentity | undefined
}

export interface LicenceRow {
  identifier: string
  type_code: string
  type_name: string
  licence_number: string
  holder_name: string
  holder_code: string
  valid_from: string
  valid_to: string | null
  status: 'current' | 'cancelled'
  face_json: string
}

const COLUMNS = 'identifier, type_code, type_name, licence_number, holder_name, holder_code, valid_from, valid_to, status, face_json'

/** A holder's licences of one type, current ones first, then the latest validity. */
export function licencesOf(db: SimDb, holderCode: string, typeCode: string): LicenceRow[] {
  return db.prepare(`SELECT ${COLUMNS} FROM licence WHERE holder_code = ? AND type_code = ?
    ORDER BY status = 'current' DESC, valid_to DESC, identifier`).all(holderCode, typeCode) as LicenceRow[]
}

export function licenceById(db: SimDb, identifier: string): LicenceRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM licence WHERE identifier = ?`).get(identifier) as LicenceRow | undefined
}

/** The property certificate with this 证号 whose face names this 不动产单元号. */
export function licenceByCertificate(db: SimDb, typeCode: string, unitNo: string, certNo: string): LicenceRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM licence WHERE type_code = ? AND licence_number = ?
    AND json_extract(face_json, '$.unitNo') = ?`).get(typeCode, certNo, unitNo) as LicenceRow | undefined
}

/** The catalogue entry as the API answers it. */
export function licenceJson(row: LicenceRow) {
  return {
    identifier: row.identifier, typeCode: row.type_code, typeName: row.type_name, licenceNumber: row.licence_number,
    holderName: row.holder_name, holderCode: row.holder_code, validFrom: row.valid_from, validTo: row.valid_to,
    status: row.status, face: JSON.parse(row.face_json) as Record<string, unknown>,
  }
}
