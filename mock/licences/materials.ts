import crypto from 'node:crypto'
import type { Db } from '../db/open'
import type { LicenceKind, MaterialSource, MaterialView } from '../../src/contract/licences'
import { chinaDate } from '../../src/core/calendar/china-date'
import { AppError } from '../http/app-error'
import type { YkbLicence } from '../ykb-gateway/port'
import { usabilityOf } from './licence-status'
import type { IdCardFace, MaterialData, PhotoEntry, PropertyFace } from './material-data'
import { materialView, type MaterialRow } from './material-view'

export const newId = (prefix: string) => `${prefix}_${crypto.randomBytes(12).toString('base64url')}`

interface NewMaterial {
  ownerId: string
  status: MaterialView['status']
  needsReview: boolean
  licenceIdentifier: string | null
  uploadIds: string[]
  data: MaterialData
}

function insertMaterial(db: Db, m: NewMaterial, now: Date): MaterialView {
  const row: MaterialRow = { id: newId('mat'), kind: m.data.kind, source: m.data.source, status: m.status, needs_review: m.needsReview ? 1 : 0, data_json: JSON.stringify(m.data) }
  db.prepare(`INSERT INTO material (id, owner_id, kind, source, licence_identifier, upload_ids, status, needs_review, data_json, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(row.id, m.ownerId, row.kind, row.source, m.licenceIdentifier,
    JSON.stringify(m.uploadIds), row.status, row.needs_review, row.data_json, now.toISOString())
  return materialView(row)
}

/** Records that a user's request read a licence, with the channel and the stated use cause (PIPL Art. 51). */
export function logLicenceAccess(db: Db, userId: string, identifier: string, channel: MaterialSource, useCause: string, now: Date): void {
  db.prepare('INSERT INTO licence_access_log (user_id, licence_identifier, channel, use_cause, at) VALUES (?, ?, ?, ?, ?)')
    .run(userId, identifier, channel, useCause, now.toISOString())
}

/** Turns an e-licence into the owner's material (status from the catalogue and the date) and logs the access. */
export function materialFromLicence(db: Db, o: { ownerId: string; licence: YkbLicence; kind: LicenceKind; source: MaterialSource; useCause: string; now: Date }): MaterialView {
  const { licence, kind } = o
  const usability = usabilityOf(licence, kind, chinaDate(o.now))
  logLicenceAccess(db, o.ownerId, licence.identifier, o.source, o.useCause, o.now)
  return insertMaterial(db, {
    // the identifier is in the data: the licence is 渝快办's, not a row of ours (material.licence_identifier stays empty)
    ownerId: o.ownerId, status: usability.status, needsReview: false, licenceIdentifier: null, uploadIds: [],
    data: {
      kind, source: o.source, typeName: licence.typeName, identifier: licence.identifier, holderName: licence.holderName,
      number: licence.licenceNumber, validTo: licence.validTo, refusal: usability.refusal,
      face: licence.face as unknown as IdCardFace | PropertyFace,
    },
  }, o.now)
}

/** A photo (or PDF) standing in for a licence: unverified until staff review it. */
export function materialFromPhoto(db: Db, o: {
  ownerId: string; kind: LicenceKind; typeName: string; uploads: { id: string; mime: string }[]
  face: IdCardFace | null; entry?: PhotoEntry; now: Date
}): MaterialView {
  const face = o.face
  return insertMaterial(db, {
    ownerId: o.ownerId, status: 'unverified', needsReview: true, licenceIdentifier: null, uploadIds: o.uploads.map((u) => u.id),
    data: {
      kind: o.kind, source: 'photo', typeName: o.typeName, identifier: null, holderName: face?.name ?? null,
      number: face?.idNumber ?? null, validTo: face?.validTo ?? null, refusal: null, face,
      photo: { mimes: o.uploads.map((u) => u.mime), ...(o.entry ? { entry: o.entry } : {}) },
    },
  }, o.now)
}

/** A material's view; only its owner may see it. */
export function ownMaterialView(db: Db, id: string, ownerId: string): MaterialView {
  const row = db.prepare('SELECT id, kind, source, status, needs_review, data_json FROM material WHERE id = ? AND owner_id = ?')
    .get(id, ownerId) as MaterialRow | undefined
  if (!row) throw new AppError('NOT_FOUND')
  return materialView(row)
}
