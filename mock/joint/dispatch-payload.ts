// What a utility receives for its part of a 一件事: exactly the data items its consent named (the service's
// `sharing.dataItems`), and nothing else. Built once, in the submission's transaction, from the stored answers and
// materials; scrubbed from the outbox once the utility has acknowledged it.
import type { Answers } from '../../src/contract/answers'
import type { SharedDataItem } from '../../src/core/joint-services'
import type { Service } from '../../src/core/services'
import { townshipByCode } from '../../src/core/wanzhou'
import type { Db } from '../db/open'
import type { MaterialData, PropertyFace } from '../licences/material-data'
import type { ApplicantFacts } from '../staff/applicant'
import { statement } from '../progress/statements'

type Item = (c: PayloadContext) => Record<string, unknown>

export interface PayloadContext {
  db: Db
  ownerId: string
  answers: Answers
  applicant: ApplicantFacts
  partAnswers: Record<string, string | number>
}

function propertyFace(c: PayloadContext): Partial<PropertyFace> | null {
  const id = c.answers.materials.property?.materialId
  if (!id) return null
  const row = statement(c.db, 'SELECT data_json FROM material WHERE id = ? AND owner_id = ?').get(id, c.ownerId) as { data_json: string } | undefined
  return row ? ((JSON.parse(row.data_json) as MaterialData).face as Partial<PropertyFace> | null) : null
}

const ITEMS: Record<SharedDataItem, Item> = {
  name: (c) => ({ name: c.applicant.name }),
  idNumber: (c) => ({ idNumber: c.applicant.idNumber }),
  mobile: (c) => ({ mobile: c.applicant.mobile }),
  business: (c) => (c.applicant.businessName ? { businessName: c.applicant.businessName, creditCode: c.applicant.creditCode } : {}),
  address: (c) => ({ address: `重庆市万州区${townshipByCode(c.answers.address.townshipCode)?.name ?? ''}${c.answers.address.detail}` }),
  property: (c) => {
    const face = propertyFace(c)
    return { property: face ? { owner: face.owner, certNo: face.certNo, location: face.location } : null }
  },
  answers: (c) => ({ answers: c.partAnswers }),
}

export function dispatchPayload(service: Service, c: PayloadContext): Record<string, unknown> {
  const items = service.sharing?.dataItems ?? []
  return Object.assign({ service: service.code, serviceName: service.name }, ...items.map((item) => ITEMS[item](c)))
}
