import type { LicenceKind, MaterialSource } from '../../src/contract/licences'

/** 居民身份证 face data: from the e-licence, from OCR of a photo, or typed by the applicant. */
export interface IdCardFace {
  name: string
  idNumber: string
  address?: string
  validFrom?: string
  validTo?: string
}

/** 不动产权证书 face data, as in the catalogue (GB/T 36904 face fields). */
export interface PropertyFace {
  owner: string
  coOwnership?: string
  location: string
  unitNo: string
  rightType?: string
  rightNature?: string
  use: string
  area: string
  term?: string
  certNo: string
}

/** Photo material: which uploads and, for ID photos, whether the fields were recognised or typed. */
export interface PhotoFacts {
  mimes: string[]
  entry?: PhotoEntry
}

/**
 * What `material.data_json` holds: the full, unmasked data, which never leaves the server.
 * Views (material-view.ts) show masked values only.
 */
export interface MaterialData {
  kind: LicenceKind
  source: MaterialSource
  typeName: string
  identifier: string | null
  holderName: string | null
  /** ID number, or the property certificate 证号 */
  number: string | null
  validTo: string | null
  refusal: string | null
  face: IdCardFace | PropertyFace | null
  photo?: PhotoFacts
}

/** How an ID photo's name and number were given: recognised, typed, or the applicant's own 渝快办 identity. */
export type PhotoEntry = 'ocr' | 'typed' | 'identity'
