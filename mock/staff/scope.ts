// What a staff member may see: agents and supervisors their own enterprise's cases, the admin both. Another
// enterprise's case answers NOT_FOUND (its existence is not confirmed); reports and the access log are refused.
import type { Staff } from '../../src/contract/staff'
import { SUPPLIERS, type SupplierCode } from '../../src/core/services'
import type { Db } from '../db/open'
import { AppError } from '../http/app-error'
import { findApplication, type ApplicationRow } from '../progress/case'

const ALL = SUPPLIERS.map((s) => s.code)

/** The enterprises in scope, narrowed to `requested`; asking for another enterprise's is FORBIDDEN. */
export function suppliersOf(staff: Staff, requested?: SupplierCode): SupplierCode[] {
  if (staff.role === 'admin') return requested ? [requested] : ALL
  if (!staff.supplier || (requested && requested !== staff.supplier)) throw new AppError('FORBIDDEN')
  return [staff.supplier]
}

export interface ReportScope {
  suppliers: SupplierCode[]
  /** the one enterprise reported on, or null for both */
  supplier: SupplierCode | null
}

/** Monthly figures and the CSV: supervisors (own enterprise) and the admin. */
export function reportScope(staff: Staff, requested?: SupplierCode): ReportScope {
  if (staff.role === 'agent') throw new AppError('FORBIDDEN')
  const suppliers = suppliersOf(staff, requested)
  return { suppliers, supplier: suppliers.length === 1 ? suppliers[0] : null }
}

/** 班长 and the admin (e.g. 改派); customer service agents are refused. */
export function requireSupervisor(staff: Staff, message?: string): void {
  if (staff.role === 'agent') throw new AppError('FORBIDDEN', message)
}

export function requireAdmin(staff: Staff): void {
  if (staff.role !== 'admin') throw new AppError('FORBIDDEN')
}

export function caseInScope(db: Db, staff: Staff, number: string): ApplicationRow {
  const row = findApplication(db, number)
  if (!row || !suppliersOf(staff).includes(row.supplier as SupplierCode)) throw new AppError('NOT_FOUND')
  return row
}
