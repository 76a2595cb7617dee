// 供电企业主动服务邀请: what the invited owner (matched by the 渝快办 identity they signed in with) sees — every answer
// prefilled from the lead and their identity, and the contract — and the one confirmation that applies. Accepting
// makes a normal application through the existing submission path (submitApplication: the same checks, number,
// events, receipt), in one transaction with the lead's outcome; the ID card comes from 渝快办 before it, the
// property proof follows later (一证受理).
import type { Answers } from '../../src/contract/answers'
import { submitBody, type Receipt } from '../../src/contract/applications'
import type { Invitation } from '../../src/contract/leads'
import { LEAD_SERVICE } from '../../src/core/leads'
import { maskMobile } from '../../src/core/masking'
import { serviceByCode, type Service } from '../../src/core/services'
import { USE_LABELS } from '../../src/core/uses'
import { townshipByCode } from '../../src/core/wanzhou'
import { requireIdentity } from '../auth/users'
import type { Db } from '../db/open'
import { AppError, fieldError } from '../http/app-error'
import { hashOf } from '../applications/canonical'
import { buildContractSummary, supplierNameFor } from '../applications/contract-summary'
import { storedReceipt } from '../applications/receipt'
import { signerName } from '../applications/signature'
import { submitApplication, type SubmitDeps } from '../applications/submit'
import { fetchAuthorised } from '../licences/authorised'
import type { LicenceDeps } from '../licences/deps'
import { newId } from '../licences/materials'
import { currentSupply } from '../supply-source'
import { leadById, type LeadRow } from './register'

export type InvitationDeps = LicenceDeps & SubmitDeps

const USE_CAUSE = '用电报装（供电企业主动服务邀请）'
/** Stands for the ID card's material until it is fetched: the contract's text does not depend on it. */
const ID_CARD_PENDING = 'pending'

/** The answers the application will carry: the business, its address and capacity from the lead; the owner applies in person. */
export function leadAnswers(lead: LeadRow, idCardMaterialId: string): Answers {
  return {
    service: LEAD_SERVICE,
    applicant: { kind: 'business', businessName: lead.business_name, creditCode: lead.credit_code, role: 'owner', useIdentityMobile: true },
    address: { townshipCode: lead.township_code, detail: lead.address_detail },
    load: { capacityKw: lead.capacity_kw, use: lead.use as Answers['load']['use'] },
    materials: { idCard: { materialId: idCardMaterialId }, property: null, propertyUndertaking: false },
  }
}

/** The contract as shown: its text, and a hash of that text (what the confirmation must name). */
function shownContract(db: Db, userId: string, lead: LeadRow) {
  const { title, sections } = buildContractSummary(leadAnswers(lead, ID_CARD_PENDING), signerName(db, userId), currentSupply(db).settings)
  return { title, sections, hash: hashOf({ title, sections }) }
}

/** A lead addressed to this user's 渝快办 identity; anyone else's (or none) answers NOT_FOUND. */
function ownLead(db: Db, userId: string, id: string): LeadRow {
  const identity = requireIdentity(db, userId)
  const lead = leadById(db, id)
  if (!lead || lead.owner_ykb_id !== identity.id) throw new AppError('NOT_FOUND')
  return lead
}

export function invitationsOf(db: Db, userId: string): Invitation[] {
  const identity = requireIdentity(db, userId)
  const leads = db.prepare(`SELECT * FROM lead WHERE owner_ykb_id = ? AND state = 'invited' ORDER BY registered_at DESC`).all(identity.id) as LeadRow[]
  const service = serviceByCode(LEAD_SERVICE) as Service
  const settings = currentSupply(db).settings
  return leads.map((lead) => ({
    id: lead.id, supplierName: supplierNameFor(settings, lead.township_code), kind: lead.kind, businessName: lead.business_name, creditCode: lead.credit_code,
    projectApproval: lead.project_approval, serviceName: service.name,
    address: `重庆市万州区${townshipByCode(lead.township_code)?.name ?? ''}${lead.address_detail}`,
    capacityKw: lead.capacity_kw, useLabel: USE_LABELS[lead.use as keyof typeof USE_LABELS] ?? lead.use, limitDays: service.totalLimitDays, feeYuan: service.feeYuan,
    signer: signerName(db, userId), contactMobile: maskMobile(identity.mobile), contract: shownContract(db, userId, lead), invitedAt: lead.registered_at,
  }))
}

/** The receipt of the application an accepted invitation made (accepting again answers it). */
const acceptedReceipt = (db: Db, userId: string, lead: LeadRow): Receipt | undefined =>
  lead.state === 'accepted' && lead.application_number ? storedReceipt(db, lead.application_number, userId) : undefined

/** One confirmation: sign the contract shown and apply with the prefilled answers. */
export async function acceptInvitation(deps: InvitationDeps, userId: string, id: string, contractHash: string): Promise<Receipt> {
  const lead = ownLead(deps.db, userId, id)
  const earlier = acceptedReceipt(deps.db, userId, lead)
  if (earlier) return earlier
  if (lead.state !== 'invited') throw new AppError('INVITATION_DECIDED')
  if (shownContract(deps.db, userId, lead).hash !== contractHash) throw fieldError('contractHash', '合同内容已变化，请重新阅读后确认')
  const fetched = await fetchAuthorised(deps, userId, ['id-card'], USE_CAUSE)
  const idCard = fetched.licences[0]
  if (!idCard) throw new AppError('LICENCE_NOT_FOUND', '渝快办中未查到您的身份证电子证照')
  const { db } = deps
  return db.transaction(() => {
    const current = leadById(db, id) as LeadRow
    const again = acceptedReceipt(db, userId, current)
    if (again) return again
    if (current.state !== 'invited') throw new AppError('INVITATION_DECIDED')
    const at = deps.now()
    const answers = leadAnswers(current, idCard.materialId)
    const draftId = newId('d')
    db.prepare(`INSERT INTO draft (id, owner_id, answers_json, page, version, updated_at) VALUES (?, ?, ?, 'check', 1, ?)`).run(draftId, userId, JSON.stringify(answers), at.toISOString())
    const contract = buildContractSummary(answers, signerName(db, userId), currentSupply(db).settings)
    const body = submitBody.parse({ draftId, answers, signature: { method: 'tap', contractHash: contract.hash } })
    const receipt = submitApplication(deps, userId, `lead:${current.id}`, body)
    db.prepare(`UPDATE lead SET state = 'accepted', decided_at = ?, application_number = ? WHERE id = ?`).run(at.toISOString(), receipt.number, current.id)
    return receipt
  })()
}

export function declineInvitation(db: Db, userId: string, id: string, reason: string | undefined, at: Date) {
  const lead = ownLead(db, userId, id)
  if (lead.state !== 'invited') throw new AppError('INVITATION_DECIDED')
  db.prepare(`UPDATE lead SET state = 'declined', decided_at = ?, decline_reason = ? WHERE id = ? AND state = 'invited'`).run(at.toISOString(), reason ?? null, id)
  return { id, state: 'declined' as const, decidedAt: at.toISOString() }
}
