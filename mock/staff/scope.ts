// What a staff member may see, by the rules of its role (src/core/staff-roles.ts): agents and supervisors their own
// enterprise's cases, the admin both, the district none (aggregates only). Another enterprise's case answers
// NOT_FOUND (its existence is not confirmed); reports and the access log are refused.
import type { Staff } from '../../src/contract/staff'
import { SUPPLIERS, type SupplierCode } from '../../src/core/services'
import { STAFF_ROLES, type StaffRoleRules } from '../../src/core/staff-roles'
import type { Db } from '../db/open'
import { AppError } from '../http/app-error'
import { findApplication, type ApplicationRow } from '../progress/case'

const ALL = SUPPLIERS.map((s) => s.code)

/** The enterprises in scope, narrowed to `requested`; asking for another enterprise's is FORBIDDEN. */
export function suppliersOf(staff: Staff, requested?: SupplierCode): SupplierCode[] {
  const { cases } = STAFF_ROLES[staff.role]
  if (cases === 'all') return requested ? [requested] : ALL
  if (cases === 'none' || !staff.supplier || (requested && requested !== staff.supplier)) throw new AppError('FORBIDDEN')
  return [staff.supplier]
}

export interface ReportScope {
  suppliers: SupplierCode[]
  /** the one enterprise reported on, or null for both */
  supplier: SupplierCode | null
}

/** Monthly figures and the CSV: supervisors (own enterprise) and the admin. */
export function reportScope(staff: Staff, requested?: SupplierCode): ReportScope {
  requireRule(staff, 'monthlyReport')
  const suppliers = suppliersOf(staff, requested)
  return { suppliers, supplier: suppliers.length === 1 ? suppliers[0] : null }
}

type Rule = { [K in keyof StaffRoleRules]: StaffRoleRules[K] extends boolean ? K : never }[keyof StaffRoleRules]

/** Refuses (FORBIDDEN) unless the staff member's role has this right. */
export function requireRule(staff: Staff, rule: Rule): void {
  if (!STAFF_ROLES[staff.role][rule]) throw new AppError('FORBIDDEN')
}

export const requireAdmin = (staff: Staff): void => requireRule(staff, 'admin')

/** 班长 and the admin (e.g. 改派); customer service agents and the district are refused. */
export function requireSupervisor(staff: Staff, message?: string): void {
  if (!STAFF_ROLES[staff.role].reassigns) throw new AppError('FORBIDDEN', message)
}

export function caseInScope(db: Db, staff: Staff, number: string): ApplicationRow {
  // a role that reaches no case is refused before the number is looked up: a refusal never tells whether it exists
  const suppliers = suppliersOf(staff)
  const row = findApplication(db, number)
  if (!row || !suppliers.includes(row.supplier as SupplierCode)) throw new AppError('NOT_FOUND')
  return row
}
