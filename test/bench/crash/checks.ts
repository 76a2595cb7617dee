// What the database holds after a kill, against what the server acknowledged and against the invariants of
// mock/db/migrations.ts that one transaction keeps together. Run with the server dead (after each SIGKILL and
// at the end); SQLite recovers the WAL on open, as the next server start would.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { Ledger, PushEntry, SubmitEntry } from './ledger'
import { checkJoint, isPartDraft, type JointFigures } from './joint-checks'
import type { UtilityCase } from './utility'
import { checkSmallMicro, recordedAfterTheFact, type SmallMicroFigures } from './small-micro-checks'

export interface StoreCheck {
  /** PRAGMA integrity_check: 'ok' or its first complaint */
  integrity: string
  /** rows of PRAGMA foreign_key_check */
  foreignKeyRows: number
  /** something stored twice, or stored that nobody sent */
  duplicates: string[]
  /** something acknowledged that is not stored */
  missing: string[]
  /** part of one write without the rest */
  halfWritten: string[]
  /** requests never answered (at the end only) */
  unanswered: string[]
  applications: number
  events: number
  /** the 一件事 parts stored and their delivery */
  joint: JointFigures
  /** the 小微 checks owed, and answered */
  smallMicro: SmallMicroFigures
}

interface AppRow { number: string; owner_id: string; draft_id: string; answers_json: string }
interface EventRow { id: number; application_number: string; type: string; actor: string; record_id: string | null }
interface PushRow { record_id: string; app_key: string; application_number: string; event_id: number }
interface MaterialRow { id: string; owner_id: string; source: string; licence_identifier: string | null; upload_ids: string; created_at: string }
interface UploadRow { id: string; owner_id: string; size: number; sha256: string }

const groupBy = <T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> => {
  const m = new Map<K, T[]>()
  for (const row of rows) m.set(key(row), [...(m.get(key(row)) ?? []), row])
  return m
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i])
const startsWith = (list: string[], prefix: string[]) => prefix.length <= list.length && prefix.every((x, i) => list[i] === x)

/**
 * Checks the store against the ledger. `final`: no request is in flight any more, so every sent request must
 * have been answered and every case's history must be exactly what was acknowledged.
 */
export function checkStore(dbFile: string, uploadsDir: string, ledger: Ledger, utility: UtilityCase[], final: boolean): StoreCheck {
  const db = new Database(dbFile)
  try {
    const result: StoreCheck = {
      integrity: '', foreignKeyRows: 0, duplicates: [], missing: [], halfWritten: [], unanswered: [], applications: 0, events: 0,
      joint: { parts: 0, delivered: 0, pending: 0 }, smallMicro: { owed: 0, recorded: 0 },
    }
    const integrity = db.pragma('integrity_check') as { integrity_check: string }[]
    result.integrity = integrity.map((r) => r.integrity_check).join('; ')
    result.foreignKeyRows = (db.pragma('foreign_key_check') as unknown[]).length

    const apps = db.prepare('SELECT number, owner_id, draft_id, answers_json FROM application').all() as AppRow[]
    const events = db.prepare(`SELECT id, application_number, type, actor, json_extract(payload_json, '$.recordId') AS record_id
      FROM application_event ORDER BY id`).all() as EventRow[]
    result.applications = apps.length
    result.events = events.length
    const appByNumber = new Map(apps.map((a) => [a.number, a]))
    const eventsOf = groupBy(events, (e) => e.application_number)
    const eventById = new Map(events.map((e) => [e.id, e]))

    checkSubmits(db, ledger, apps, appByNumber, eventsOf, result, final)
    checkApplications(db, apps, eventsOf, events, appByNumber, result)
    checkPushes(db, ledger, events, eventById, result, final)
    checkHistories(ledger, apps, eventsOf, result)
    checkMaterials(db, uploadsDir, ledger, apps, result)
    result.joint = checkJoint(db, ledger, utility, result, final)
    result.smallMicro = checkSmallMicro(db, result, final)
    return result
  } finally {
    db.close()
  }
}

/** Every acknowledged submit stored once, under its number and its key; nothing stored that was not sent. */
function checkSubmits(db: Database.Database, ledger: Ledger, apps: AppRow[], appByNumber: Map<string, AppRow>, eventsOf: Map<string, EventRow[]>, r: StoreCheck, final: boolean): void {
  const keys = db.prepare('SELECT owner_id, key, application_number FROM idempotency').all() as { owner_id: string; key: string; application_number: string }[]
  const keyRow = new Map(keys.map((k) => [`${k.owner_id} ${k.key}`, k]))
  const keysOf = groupBy(keys, (k) => k.application_number)
  const appsOfDraft = groupBy(apps, (a) => a.draft_id)
  const sentDrafts = new Set([...ledger.submits.values()].map((s) => s.body.draftId))
  for (const s of ledger.submits.values()) {
    const stored = appsOfDraft.get(s.body.draftId) ?? []
    if (stored.length > 1) r.duplicates.push(`draft of key ${s.key} stored as ${stored.length} applications`)
    if (s.number === undefined) {
      if (final) r.unanswered.push(`submit ${s.key} never answered`)
      continue
    }
    const k = keyRow.get(`${s.ownerId} ${s.key}`)
    if (!k) r.missing.push(`acknowledged submit ${s.number}: its key ${s.key} is not stored`)
    else if (k.application_number !== s.number) r.duplicates.push(`key ${s.key} acknowledged as ${s.number} is stored for ${k.application_number}`)
    const app = appByNumber.get(s.number)
    if (!app) r.missing.push(`acknowledged submit ${s.number} is not stored`)
    else if (app.draft_id !== s.body.draftId || app.owner_id !== s.ownerId) r.duplicates.push(`number ${s.number} is stored for another draft or owner`)
  }
  // a 一件事's water, gas and telecom cases are stored with the submit's, under its key (joint-checks.ts)
  for (const a of apps.filter((x) => !isPartDraft(x.draft_id))) {
    const own = keysOf.get(a.number) ?? []
    if (own.length === 0) r.halfWritten.push(`application ${a.number} has no idempotency row`)
    if (own.length > 1) r.duplicates.push(`application ${a.number} stored under ${own.length} keys`)
    if (!sentDrafts.has(a.draft_id)) r.duplicates.push(`application ${a.number} stored from a draft no submit named`)
    const submitted = (eventsOf.get(a.number) ?? []).filter((e) => e.type === 'submitted').length
    if (submitted > 1) r.duplicates.push(`application ${a.number} has ${submitted} submitted events`)
  }
  for (const k of keys) {
    if (!ledger.submits.has(k.key)) r.duplicates.push(`idempotency key ${k.key} stored that was never sent`)
  }
}

/** The rows one submit or push writes together: application, events, draft mark, search index. */
function checkApplications(db: Database.Database, apps: AppRow[], eventsOf: Map<string, EventRow[]>, events: EventRow[], appByNumber: Map<string, AppRow>, r: StoreCheck): void {
  const drafts = db.prepare('SELECT id, submitted_number FROM draft').all() as { id: string; submitted_number: string | null }[]
  const draftById = new Map(drafts.map((d) => [d.id, d]))
  const search = new Map((db.prepare('SELECT number, last_event_id FROM application_search').all() as { number: string; last_event_id: number }[]).map((s) => [s.number, s.last_event_id]))
  for (const a of apps) {
    const own = eventsOf.get(a.number) ?? []
    if (own[0]?.type !== 'submitted') r.halfWritten.push(`application ${a.number}: first event is ${own[0]?.type ?? 'missing'}, not submitted`)
    if (draftById.get(a.draft_id)?.submitted_number !== a.number) r.halfWritten.push(`application ${a.number}: its draft is not marked submitted`)
    const last = own[own.length - 1]?.id
    if (search.get(a.number) !== last) r.halfWritten.push(`application ${a.number}: search index at event ${search.get(a.number) ?? 'none'}, last event ${last}`)
  }
  for (const d of drafts) {
    if (d.submitted_number === null) continue
    const a = appByNumber.get(d.submitted_number)
    if (!a || a.draft_id !== d.id) r.halfWritten.push(`draft ${d.id} marked submitted as ${d.submitted_number}, which is not its application`)
  }
  for (const e of events) if (!appByNumber.has(e.application_number)) r.halfWritten.push(`event ${e.id} of missing application ${e.application_number}`)
  for (const number of search.keys()) if (!appByNumber.has(number)) r.halfWritten.push(`search index row for missing application ${number}`)
}

/** Every acknowledged record stored once, as the event it was acknowledged with; every push row with its event. */
function checkPushes(db: Database.Database, ledger: Ledger, events: EventRow[], eventById: Map<number, EventRow>, r: StoreCheck, final: boolean): void {
  const rows = db.prepare('SELECT record_id, app_key, application_number, event_id FROM push_record').all() as PushRow[]
  const rowById = new Map(rows.map((p) => [p.record_id, p]))
  const eventsOfRecord = groupBy(events.filter((e) => e.record_id !== null), (e) => e.record_id as string)
  for (const p of ledger.pushes.values()) {
    if (p.eventId === undefined) {
      if (final) r.unanswered.push(`push record ${p.recordId} never acknowledged`)
      continue
    }
    const row = rowById.get(p.recordId)
    if (!row) { r.missing.push(`acknowledged push record ${p.recordId} (${p.number}) is not stored`); continue }
    if (row.event_id !== p.eventId || row.application_number !== p.number) r.duplicates.push(`push record ${p.recordId} acknowledged as event ${p.eventId}, stored as ${row.event_id}`)
    const e = eventById.get(p.eventId)
    if (!e) r.missing.push(`acknowledged event ${p.eventId} of record ${p.recordId} is not stored`)
    else if (e.record_id !== p.recordId || e.type !== p.eventType || e.application_number !== p.number) r.halfWritten.push(`event ${p.eventId} is not record ${p.recordId}'s ${p.eventType}`)
  }
  for (const row of rows) {
    const e = eventById.get(row.event_id)
    if (!e || e.record_id !== row.record_id || e.application_number !== row.application_number || e.actor !== `push:${row.app_key}`) {
      r.halfWritten.push(`push record ${row.record_id} points at event ${row.event_id}, which is not its event`)
    }
    if (!ledger.pushes.has(row.record_id)) r.duplicates.push(`push record ${row.record_id} stored that was never sent`)
  }
  for (const [recordId, list] of eventsOfRecord) {
    if (list.length > 1) r.duplicates.push(`record ${recordId} stored as ${list.length} events`)
    if (!rowById.has(recordId)) r.halfWritten.push(`event ${list[0].id} of record ${recordId} has no push record row`)
  }
}

/**
 * Each case's stage history is exactly what its submit stored plus its acknowledged records in order; a batch
 * in flight at the kill may be there entirely or not at all, never in part.
 */
function checkHistories(ledger: Ledger, apps: AppRow[], eventsOf: Map<string, EventRow[]>, r: StoreCheck): void {
  const byDraft = new Map<string, SubmitEntry>([...ledger.submits.values()].map((s) => [s.body.draftId, s]))
  const pendingOf = new Map<string, PushEntry[]>()
  for (const batch of ledger.pendingBatches) pendingOf.set(batch[0].number, batch)
  for (const a of apps) {
    const s = byDraft.get(a.draft_id)
    if (!s) continue // reported by checkSubmits
    const stored = (eventsOf.get(a.number) ?? []).map((e) => e.type).filter((type) => !recordedAfterTheFact(type))
    const expected = [...s.baseEvents, ...(ledger.pushedOf.get(a.number) ?? []).map((p) => p.eventType)]
    const pending = pendingOf.get(a.number)?.map((p) => p.eventType) ?? []
    if (sameList(stored, expected) || (pending.length && sameList(stored, [...expected, ...pending]))) continue
    const what = `application ${a.number}: history [${stored.join(', ')}], acknowledged [${expected.join(', ')}]${pending.length ? ` + in flight [${pending.join(', ')}]` : ''}`
    if (startsWith(expected, stored)) r.missing.push(what)
    else if (startsWith(stored, expected) && !startsWith([...expected, ...pending], stored)) r.duplicates.push(what)
    else r.halfWritten.push(what)
  }
}

/** Acknowledged uploads and materials stored; materials with what they were made from, uploads with their files, answers with their materials. */
function checkMaterials(db: Database.Database, uploadsDir: string, ledger: Ledger, apps: AppRow[], r: StoreCheck): void {
  const uploads = db.prepare('SELECT id, owner_id, size, sha256 FROM upload').all() as UploadRow[]
  const uploadById = new Map(uploads.map((u) => [u.id, u]))
  for (const u of uploads) {
    const file = path.join(uploadsDir, u.id)
    const bytes = fs.existsSync(file) ? fs.readFileSync(file) : undefined
    if (!bytes) r.halfWritten.push(`upload ${u.id} has no file`)
    else if (bytes.length !== u.size || crypto.createHash('sha256').update(bytes).digest('hex') !== u.sha256) r.halfWritten.push(`upload ${u.id}: file differs from its row`)
  }
  // an e-licence is 渝快办's, not a row of ours: its identifier is in the material's data (materialFromLicence)
  const materials = db.prepare(`SELECT id, owner_id, source, json_extract(data_json, '$.identifier') AS licence_identifier, upload_ids, created_at
    FROM material`).all() as MaterialRow[]
  const materialById = new Map(materials.map((m) => [m.id, m]))
  // materialFromLicence logs the access and inserts the material at the same instant, in one transaction
  const logged = new Map((db.prepare(`SELECT user_id || ' ' || licence_identifier || ' ' || at AS k, COUNT(*) AS n FROM licence_access_log
    WHERE channel = 'authorised' GROUP BY k`).all() as { k: string; n: number }[]).map((x) => [x.k, x.n]))
  const authorised = new Map<string, number>()
  for (const m of materials) {
    if (m.source === 'authorised') {
      if (!m.licence_identifier) r.halfWritten.push(`authorised material ${m.id} without its licence`)
      const k = `${m.owner_id} ${m.licence_identifier} ${m.created_at}`
      authorised.set(k, (authorised.get(k) ?? 0) + 1)
    }
    if (m.source === 'photo') {
      const ids = JSON.parse(m.upload_ids) as string[]
      if (ids.length === 0) r.halfWritten.push(`photo material ${m.id} without uploads`)
      for (const id of ids) if (uploadById.get(id)?.owner_id !== m.owner_id) r.halfWritten.push(`photo material ${m.id}: upload ${id} missing or not the owner's`)
    }
  }
  for (const k of new Set([...authorised.keys(), ...logged.keys()])) {
    if ((authorised.get(k) ?? 0) !== (logged.get(k) ?? 0)) r.halfWritten.push(`authorised materials and access-log rows differ (${authorised.get(k) ?? 0} vs ${logged.get(k) ?? 0}) for one fetch`)
  }
  for (const [id, owner] of ledger.uploads) if (uploadById.get(id)?.owner_id !== owner) r.missing.push(`acknowledged upload ${id} is not stored`)
  for (const [id, owner] of ledger.materials) if (materialById.get(id)?.owner_id !== owner) r.missing.push(`acknowledged material ${id} is not stored`)
  for (const a of apps) {
    const answers = JSON.parse(a.answers_json) as { materials: { idCard: { materialId: string }; property: { materialId: string } | null } }
    for (const ref of [answers.materials.idCard, answers.materials.property]) {
      if (ref && materialById.get(ref.materialId)?.owner_id !== a.owner_id) r.halfWritten.push(`application ${a.number}: material ${ref.materialId} missing or not the owner's`)
    }
  }
}
