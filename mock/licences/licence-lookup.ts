import type { Db } from '../db/open'
import type { LicenceKind } from '../../src/contract/licences'
import { LICENCE_TYPES } from '../seed/demo-data'

/** The catalogue type of each kind the journey uses (GB/T 36902 type codes). */
export const KIND_TYPE: Record<LicenceKind, { code: string; name: string }> = {
  'id-card': LICENCE_TYPES.idCard,
  property: LICENCE_TYPES.property,
}

/** Short names for messages: 身份证 / 不动产权证书. */
export const KIND_SHORT: Record<LicenceKind, string> = { 'id-card': '身份证', property: '不动产权证书' }

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

/** A holder's licences of one kind, current ones first, then the latest validity. */
export function licencesOf(db: Db, holderCode: string, kind: LicenceKind): LicenceRow[] {
  return db.prepare(`SELECT ${COLUMNS} FROM e_licence WHERE holder_code = ? AND type_code = ?
    ORDER BY status = 'current' DESC, valid_to DESC, identifier`).all(holderCode, KIND_TYPE[kind].code) as LicenceRow[]
}

/** The property certificate with this 证号 whose face names this 不动产单元号. */
export function licenceByCertificate(db: Db, unitNo: string, certNo: string): LicenceRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM e_licence WHERE type_code = ? AND licence_number = ?
    AND json_extract(face_json, '$.unitNo') = ?`).get(KIND_TYPE.property.code, certNo, unitNo) as LicenceRow | undefined
}

export interface IdentityRow {
  id: string
  name: string
  id_number: string
}

/** A demo 渝快办 identity by its key (the mock holder pages play only demo identities). */
export function demoIdentity(db: Db, key: string): IdentityRow | undefined {
  return db.prepare('SELECT id, name, id_number FROM ykb_identity WHERE id = ? AND demo = 1').get(key) as IdentityRow | undefined
}

export function identityByIdNumber(db: Db, idNumber: string): IdentityRow | undefined {
  return db.prepare('SELECT id, name, id_number FROM ykb_identity WHERE id_number = ?').get(idNumber) as IdentityRow | undefined
}
