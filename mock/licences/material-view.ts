import type { LicenceKind, MaterialSource, MaterialView } from '../../src/contract/licences'
import { maskId, maskName } from '../../src/core/masking'
import { parseLicenceId } from '../../src/core/validators'
import { addressFromLocation } from '../../src/core/address-match'
import { maskAddress, maskCertNo, maskUnitNo } from './licence-masking'
import type { IdCardFace, MaterialData, PhotoEntry, PhotoFacts, PropertyFace } from './material-data'

export interface MaterialRow {
  id: string
  kind: LicenceKind
  source: MaterialSource
  status: MaterialView['status']
  needs_review: number
  data_json: string
}

type Fact = MaterialView['facts'][number]
const PENDING = '待人工核对'
const ENTRY_WORDS: Record<PhotoEntry, string> = { ocr: '由照片识别，已校验', typed: '手动填写', identity: '取自渝快办实名信息' }
const MIME_NAMES: Record<string, string> = { 'image/jpeg': 'JPG图片', 'image/png': 'PNG图片', 'application/pdf': 'PDF文件' }

function idFacts(face: IdCardFace | null): Fact[] {
  if (!face?.validTo) return []
  return [{ label: '有效期限', value: `${face.validFrom ?? '—'}至${face.validTo}` }]
}

function propertyFacts(face: PropertyFace | null): Fact[] {
  if (!face) return []
  return [
    { label: '坐落', value: maskAddress(face.location) },
    { label: '不动产单元号', value: maskUnitNo(face.unitNo) },
    { label: '用途', value: face.use },
    { label: '面积', value: face.area },
  ]
}

/** What a person needs to know about a photo: how many files, whether the fields were read or typed. */
function photoFacts(photo: PhotoFacts): Fact[] {
  const kinds = [...new Set(photo.mimes.map((m) => MIME_NAMES[m] ?? m))].join('、')
  const facts = [{ label: '文件', value: `${photo.mimes.length}份（${kinds}）` }]
  if (photo.entry) facts.push({ label: '证件信息', value: ENTRY_WORDS[photo.entry] })
  return facts
}

/** The 坐落 as an address to fill the connection address with (the applicant's own licence, or one shown to them). */
const addressOf = (face: PropertyFace | null) => (face?.location ? addressFromLocation(face.location) ?? null : null)

function maskNumber(data: MaterialData): string {
  if (!data.number) return PENDING
  return data.kind === 'id-card' ? maskId(data.number) : maskCertNo(data.number)
}

const MAX_REMEMBERED = 10_000
const checkedIds = new Map<string, boolean>()

/** Whether an identifier passes parseLicenceId: a pure check, remembered per identifier (every detail read asks again). */
function identifierPasses(identifier: string): boolean {
  let ok = checkedIds.get(identifier)
  if (ok === undefined) {
    if (checkedIds.size >= MAX_REMEMBERED) checkedIds.clear()
    checkedIds.set(identifier, (ok = parseLicenceId(identifier).ok))
  }
  return ok
}

/** The applicant's view of a material: masked name and number, display facts; full data stays server-side. */
export function materialView(row: MaterialRow): MaterialView {
  const data = JSON.parse(row.data_json) as MaterialData
  const faceFacts = row.kind === 'id-card' ? idFacts(data.face as IdCardFace | null) : propertyFacts(data.face as PropertyFace | null)
  return {
    materialId: row.id,
    kind: row.kind,
    source: row.source,
    typeName: data.typeName,
    identifier: data.identifier,
    identifierValid: data.identifier === null ? null : identifierPasses(data.identifier),
    status: row.status,
    refusal: data.refusal,
    holderNameMasked: data.holderName ? maskName(data.holderName) : PENDING,
    numberMasked: maskNumber(data),
    facts: data.photo ? [...photoFacts(data.photo), ...faceFacts] : faceFacts,
    validTo: data.validTo,
    address: row.kind === 'property' && !data.photo ? addressOf(data.face as PropertyFace | null) : null,
    needsReview: row.needs_review === 1,
  }
}
