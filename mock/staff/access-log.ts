// The log of staff reads of applicants' personal data (PIPL Art. 51): who, what, when. Append-only; it never
// holds a revealed value or an unmasked identifier.
import type { z } from 'zod'
import type { accessLogSchema } from '../../src/contract/staff'
import type { Db } from '../db/open'

export type AccessAction = 'search' | 'case' | 'reveal' | 'upload' | 'export'

export interface Access {
  staff: string
  action: AccessAction
  /** a case number, an upload id, a report name, or a search's query kind */
  target: string
  /** masked free text: the reason given, a masked query and how many results */
  detail: string
}

export const PAGE_SIZE = 50

export function logAccess(db: Db, a: Access, at: Date): void {
  db.prepare('INSERT INTO staff_access_log (staff, action, target, detail, at) VALUES (?, ?, ?, ?, ?)')
    .run(a.staff, a.action, a.target, a.detail, at.toISOString())
}

/** Newest first. */
export function accessLog(db: Db, page: number): z.infer<typeof accessLogSchema> {
  const items = db.prepare('SELECT id, staff, action, target, detail, at FROM staff_access_log ORDER BY id DESC LIMIT ? OFFSET ?')
    .all(PAGE_SIZE, (page - 1) * PAGE_SIZE) as z.infer<typeof accessLogSchema>['items']
  const { n } = db.prepare('SELECT COUNT(*) AS n FROM staff_access_log').get() as { n: number }
  return { items, total: n }
}
