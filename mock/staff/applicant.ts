// Who applied: the 用电人 as the application names them. Name and ID number come from the ID-card material
// (for a business, the legal representative's; never an agent's), the mobile and business fields from the
// answers. Full values stay server-side: screens get them masked, the search index hashed, reveal one at a time.
import type { Answers } from '../../src/contract/answers'
import type { StaffCaseDetail } from '../../src/contract/staff'
import { keepEnds, maskId, maskMobile, maskName } from '../../src/core/masking'
import { sha256Hex } from '../applications/canonical'
import type { Db } from '../db/open'
import type { MaterialData } from '../licences/material-data'
import { answersOf, type ApplicationRow } from '../progress/case'
import { statement } from '../progress/statements'

export interface ApplicantFacts {
  name: string | null
  idNumber: string | null
  mobile: string | null
  businessName: string | null
  /** an individual's 字号 (trade name), when given */
  shopName: string | null
  creditCode: string | null
  role: 'owner' | 'agent'
}

export const applicantOf = (db: Db, row: ApplicationRow): ApplicantFacts => applicantFrom(db, row.owner_id, answersOf(row))

/** The same from the answers as submitted (before the case is stored, or shared by a 一件事's cases). */
export function applicantFrom(db: Db, ownerId: string, { applicant, materials }: Pick<Answers, 'applicant' | 'materials'>): ApplicantFacts {
  const material = statement(db, 'SELECT data_json FROM material WHERE id = ? AND owner_id = ?').get(materials.idCard.materialId, ownerId) as
    { data_json: string } | undefined
  const data = material ? (JSON.parse(material.data_json) as Partial<MaterialData>) : {}
  return {
    name: data.holderName ?? null,
    idNumber: data.number ?? null,
    mobile: applicant.mobile ?? null,
    businessName: applicant.businessName || null,
    shopName: (applicant.kind === 'individual' && applicant.shopName) || null,
    creditCode: applicant.creditCode || null,
    role: applicant.role,
  }
}

const NONE = '—'

/** What a staff screen shows of the applicant: personal data masked, business fields as given. */
export function maskedApplicant(a: ApplicantFacts): StaffCaseDetail['applicant'] {
  return {
    nameMasked: a.name ? maskName(a.name) : NONE,
    idNumberMasked: a.idNumber ? maskId(a.idNumber) : NONE,
    mobileMasked: a.mobile ? maskMobile(a.mobile) : NONE,
    businessName: a.businessName,
    shopName: a.shopName,
    creditCode: a.creditCode,
    role: a.role,
  }
}

/** Exact-match keys for the search index: personal identifiers are stored only as these hashes. */
export const searchHash = (kind: 'mobile' | 'id-number', value: string) => sha256Hex(`staff-search:${kind}:${value}`)

/** How the access log names a query: identifiers masked, a name down to its first character. */
export function maskedQuery(kind: string, q: string): string {
  switch (kind) {
    case 'mobile': return maskMobile(q)
    case 'id-number':
    case 'credit-code': return keepEnds(q, 4, 4)
    case 'name': return maskName(q)
    default: return q
  }
}
