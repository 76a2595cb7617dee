// The 一件事 side of the crash checks: the parts a submit stores with it (their consent, case and outbox row in the
// submission's transaction) and what reached each utility. Lost: a part acknowledged but not stored, or (at the
// end) never delivered; duplicated: a part stored twice, or a case the utility keeps twice or never sent to it.
import type Database from 'better-sqlite3'
import type { Ledger } from './ledger'
import type { StoreCheck } from './checks'
import type { UtilityCase } from './utility'

export interface JointFigures {
  parts: number
  delivered: number
  pending: number
}

interface PartRow { number: string; draft_id: string; supplier: string; joint_number: string | null }
interface OutboxRow { dispatch_id: string; case_number: string; provider: string; state: string }

const count = <T>(rows: T[], key: (row: T) => string) => {
  const m = new Map<string, number>()
  for (const row of rows) m.set(key(row), (m.get(key(row)) ?? 0) + 1)
  return m
}

/** A part's case is stored from its own draft, `<the submit's draft>~<service>` (mock/joint/record-parts.ts). */
export const isPartDraft = (draftId: string) => draftId.includes('~')

export function checkJoint(db: Database.Database, ledger: Ledger, utility: UtilityCase[], r: StoreCheck, final: boolean): JointFigures {
  const apps = db.prepare('SELECT number, draft_id, supplier, joint_number FROM application').all() as PartRow[]
  const byDraft = count(apps, (a) => a.draft_id)
  const byNumber = new Map(apps.map((a) => [a.number, a]))
  const outbox = db.prepare('SELECT dispatch_id, case_number, provider, state FROM utility_outbox').all() as OutboxRow[]
  const outboxOf = count(outbox, (o) => o.case_number)
  const consents = count(db.prepare('SELECT joint_number FROM joint_consent').all() as { joint_number: string }[], (c) => c.joint_number)

  // every acknowledged submit's parts: its 一件事, one consent per added service, one case per agreed one
  for (const s of ledger.submits.values()) {
    const added = s.body.answers.joint ?? []
    if (s.number === undefined || added.length === 0) continue
    const own = byNumber.get(s.number)
    if (!own) continue // reported by checkSubmits
    const agreed = added.filter((p) => p.consent === 'given')
    if (agreed.length && !own.joint_number) { r.missing.push(`application ${s.number}: its 一件事 is not stored`); continue }
    if (own.joint_number && (consents.get(own.joint_number) ?? 0) !== added.length) {
      r.halfWritten.push(`一件事 ${own.joint_number}: ${consents.get(own.joint_number) ?? 0} consent decisions for ${added.length} added services`)
    }
    for (const p of agreed) {
      const n = byDraft.get(`${s.body.draftId}~${p.service}`) ?? 0
      if (n === 0) r.missing.push(`application ${s.number}: its ${p.service} part is not stored`)
      if (n > 1) r.duplicates.push(`application ${s.number}: its ${p.service} part stored ${n} times`)
    }
  }
  // every part's case with its electricity case and exactly one outbox row to its provider
  const parts = apps.filter((a) => isPartDraft(a.draft_id))
  for (const p of parts) {
    const parent = byDraft.get(p.draft_id.split('~')[0]) ?? 0
    const sameJoint = apps.some((a) => !isPartDraft(a.draft_id) && a.joint_number === p.joint_number && p.draft_id.startsWith(`${a.draft_id}~`))
    if (parent !== 1 || !sameJoint) r.halfWritten.push(`part ${p.number} without its electricity case in 一件事 ${p.joint_number}`)
    const rows = outboxOf.get(p.number) ?? 0
    if (rows === 0) r.halfWritten.push(`part ${p.number} has no outbox row`)
    if (rows > 1) r.duplicates.push(`part ${p.number} queued ${rows} times`)
  }
  for (const o of outbox) {
    const app = byNumber.get(o.case_number)
    if (!app || app.supplier !== o.provider) r.halfWritten.push(`outbox row ${o.dispatch_id} for ${o.case_number}, which is not a ${o.provider} case`)
  }
  // the utilities: one case per part, none we never queued; a delivered row is kept there
  const queued = new Map(outbox.map((o) => [o.dispatch_id, o]))
  const kept = new Set(utility.map((c) => c.dispatchId))
  for (const [caseNumber, n] of count(utility, (c) => `${c.provider} ${c.caseNumber}`)) {
    if (n > 1) r.duplicates.push(`the utility keeps ${n} cases for ${caseNumber}`)
  }
  for (const c of utility) {
    const o = queued.get(c.dispatchId)
    if (!o || o.case_number !== c.caseNumber || o.provider !== c.provider) r.duplicates.push(`the utility keeps ${c.caseNumber} (${c.dispatchId}), which we never queued for it`)
  }
  for (const o of outbox) {
    if (o.state === 'delivered' && !kept.has(o.dispatch_id)) r.missing.push(`${o.case_number} marked delivered, but ${o.provider} has no such case`)
    if (final && o.state !== 'delivered') r.missing.push(`${o.case_number} never delivered to ${o.provider} (${o.state})`)
  }
  return { parts: parts.length, delivered: outbox.filter((o) => o.state === 'delivered').length, pending: outbox.filter((o) => o.state === 'pending').length }
}
