// How the service is taken up, per enterprise and month: applications started (drafts that named their address)
// and how many of them were submitted by `at`; applications received and how many used 渝快办 e-licences only.
import type { TakeUpRecord } from '../../src/core/oversight/month'
import { monthBounds } from '../../src/core/stats'
import type { Db } from '../db/open'
import { statement } from '../progress/statements'

/**
 * Counts a draft as started for an enterprise, once: when its answers first name a known township (drafts route),
 * or at the latest when it is submitted (so no submitted application is missing from its enterprise's starts).
 */
export function recordDraftStart(db: Db, draftId: string, supplier: string, at: string): void {
  statement(db, 'INSERT OR IGNORE INTO draft_start (draft_id, supplier, started_at) VALUES (?, ?, ?)').run(draftId, supplier, at)
}

export function takeUpRecords(db: Db, suppliers: readonly string[], month: string, at: Date): TakeUpRecord[] {
  const { start, end } = monthBounds(month)
  const list = JSON.stringify(suppliers)
  const started = statement(db, `SELECT d.supplier AS supplier, COUNT(*) AS started,
      SUM(EXISTS (SELECT 1 FROM application a WHERE a.draft_id = d.draft_id AND a.submitted_at < ?)) AS submitted
    FROM draft_start d WHERE d.supplier IN (SELECT value FROM json_each(?)) AND d.started_at >= ? AND d.started_at < ? GROUP BY d.supplier`)
    .all(at.toISOString(), list, start, end) as { supplier: string; started: number; submitted: number }[]
  const received = statement(db, `SELECT supplier, COUNT(*) AS received, COALESCE(SUM(e_licences), 0) AS eLicences
    FROM application_search WHERE supplier IN (SELECT value FROM json_each(?)) AND submitted_at >= ? AND submitted_at < ? GROUP BY supplier`)
    .all(list, start, end) as { supplier: string; received: number; eLicences: number }[]
  return suppliers.map((supplier) => {
    const s = started.find((r) => r.supplier === supplier)
    const r = received.find((x) => x.supplier === supplier)
    return { supplier, started: s?.started ?? 0, submitted: s?.submitted ?? 0, received: r?.received ?? 0, eLicences: r?.eLicences ?? 0 }
  })
}
