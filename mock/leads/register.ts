// 主动服务: a supply enterprise's staff register a lead for their own supply area. The business comes from the market
// registration, asked through the 渝快办 gateway (never a shared table) before our transaction, so a slow or failing
// 渝快办 leaves nothing written; its legal representative's 渝快办 id is whom the invitation goes to.
import type { Lead, LeadRegisterBody } from '../../src/contract/leads'
import type { Staff } from '../../src/contract/staff'
import { APPROVAL_MISSING, approvalOf, type LeadKind, type LeadState } from '../../src/core/leads'
import { supplierFor } from '../../src/core/supply-settings'
import { checkCreditCode } from '../../src/core/validators'
import type { Db } from '../db/open'
import { AppError, fieldError } from '../http/app-error'
import { newId } from '../licences/materials'
import { requireRule } from '../staff/scope'
import { currentSupply } from '../supply-source'
import { viaYkb } from '../ykb-gateway/errors'
import type { YkbGateway } from '../ykb-gateway/port'

export interface LeadDeps {
  db: Db
  now: () => Date
  ykb: YkbGateway
}

export interface LeadRow {
  id: string
  supplier: string
  kind: LeadKind
  credit_code: string
  business_name: string
  project_approval: string | null
  owner_ykb_id: string
  township_code: string
  address_detail: string
  capacity_kw: number
  use: string
  registered_at: string
  state: LeadState
  decided_at: string | null
  application_number: string | null
}

export const leadView = (r: LeadRow): Lead => ({
  id: r.id, kind: r.kind, creditCode: r.credit_code, businessName: r.business_name, projectApproval: r.project_approval,
  townshipCode: r.township_code, addressDetail: r.address_detail, capacityKw: r.capacity_kw, use: r.use, state: r.state,
  registeredAt: r.registered_at, decidedAt: r.decided_at, applicationNumber: r.application_number,
})

export const leadById = (db: Db, id: string) => db.prepare('SELECT * FROM lead WHERE id = ?').get(id) as LeadRow | undefined

/** The staff member's enterprise, which the lead is for; roles without one, or without the right, are refused. */
function leadSupplier(staff: Staff): string {
  requireRule(staff, 'registersLeads')
  if (!staff.supplier) throw new AppError('FORBIDDEN')
  return staff.supplier
}

/** Registers a lead and invites its owner; the business must be in the market registration and in the enterprise's area. */
export async function registerLead(deps: LeadDeps, staff: Staff, body: LeadRegisterBody): Promise<Lead> {
  const supplier = leadSupplier(staff)
  const code = checkCreditCode(body.creditCode)
  if (!code.ok) throw fieldError('creditCode', code.message)
  const approval = approvalOf(body.kind, body.projectApproval)
  if (approval === '') throw fieldError('projectApproval', APPROVAL_MISSING)
  if (supplierFor(currentSupply(deps.db).settings, body.townshipCode).supplier !== supplier) {
    throw fieldError('townshipCode', '该乡镇街道不在本企业供区，请由负责该供区的供电企业登记')
  }
  const business = await viaYkb(() => deps.ykb.marketRegistration(code.value), {}, '市场主体登记信息暂时无法查询，请稍后重试')
  if (!business) throw new AppError('LEAD_BUSINESS_UNKNOWN')
  const at = deps.now().toISOString()
  const id = newId('ld')
  return deps.db.transaction(() => {
    if (deps.db.prepare(`SELECT 1 FROM lead WHERE credit_code = ? AND state = 'invited'`).get(business.creditCode)) throw new AppError('LEAD_EXISTS')
    deps.db.prepare(`INSERT INTO lead (id, supplier, kind, credit_code, business_name, project_approval, owner_ykb_id, township_code, address_detail,
      capacity_kw, use, registered_by, registered_at, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'invited')`).run(
      id, supplier, body.kind, business.creditCode, business.name, approval, business.representativeUserId,
      body.townshipCode, body.addressDetail, body.capacityKw, body.use, staff.username, at)
    return leadView(leadById(deps.db, id) as LeadRow)
  })()
}

/** The enterprise's leads, newest first. */
export function enterpriseLeads(db: Db, staff: Staff): Lead[] {
  const supplier = leadSupplier(staff)
  return (db.prepare('SELECT * FROM lead WHERE supplier = ? ORDER BY registered_at DESC, id LIMIT 200').all(supplier) as LeadRow[]).map(leadView)
}

