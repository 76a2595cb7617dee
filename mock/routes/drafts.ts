import crypto from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { endpoints } from '../../src/contract'
import type { Draft } from '../../src/contract/applications'
import type { Db } from '../db/open'
import { route, type RouteOptions } from '../http/route'
import { AppError, fieldError } from '../http/app-error'
import { discardDraft } from '../applications/discard-draft'
import { townshipByCode } from '../../src/core/wanzhou'
import { supplierFor } from '../../src/core/supply-settings'
import { currentSupply } from '../supply-source'
import { recordDraftStart } from '../oversight/take-up'

export interface DraftDeps {
  db: Db
  now: () => Date
  uploadsDir: string
}

/** Largest answers object a draft may hold, as JSON bytes. */
export const DRAFT_MAX_BYTES = 64 * 1024
/** Deepest nesting a draft's answers may have (the app's own are three levels deep). */
export const DRAFT_MAX_DEPTH = 32

/** Whether a parsed JSON value nests deeper than `max`, walked without recursion so no depth can overflow the stack. */
function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]]
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [v, depth] = next
    if (v === null || typeof v !== 'object') continue
    if (depth >= max) return true
    for (const child of Object.values(v)) stack.push([child, depth + 1])
  }
  return false
}

interface DraftRow {
  id: string
  answers_json: string
  page: string
  version: number
  updated_at: string
}

/** The user's one current (unsubmitted) draft. */
function currentDraft(db: Db, ownerId: string): DraftRow | undefined {
  return db.prepare(`SELECT id, answers_json, page, version, updated_at FROM draft
    WHERE owner_id = ? AND submitted_number IS NULL ORDER BY updated_at DESC LIMIT 1`).get(ownerId) as DraftRow | undefined
}

const toDraft = (row: DraftRow): Draft => ({
  draftId: row.id, answers: JSON.parse(row.answers_json) as Draft['answers'], page: row.page, version: row.version, updatedAt: row.updated_at,
})

/** Records once, when the answers first name a known township, that the draft was started for that township's enterprise. */
function recordStart(db: Db, draftId: string, answers: unknown, at: string): void {
  const township = (answers as { address?: { townshipCode?: unknown } } | null)?.address?.townshipCode
  if (typeof township !== 'string' || !townshipByCode(township)) return
  recordDraftStart(db, draftId, supplierFor(currentSupply(db).settings, township).supplier, at)
}

export function draftRoutes(app: FastifyInstance, deps: DraftDeps, opts: RouteOptions): void {
  route(app, endpoints.draftGet, ({ user }) => {
    const row = currentDraft(deps.db, user.id)
    return row ? toDraft(row) : null
  }, opts)

  // Only answers and page are taken from the body: owner, number and state are the server's.
  route(app, endpoints.draftSave, ({ user, body }) => {
    // checked before serialising: JSON.stringify of a deeply nested value overflows the stack (a 500)
    if (nestsDeeperThan(body.answers, DRAFT_MAX_DEPTH)) throw fieldError('answers', '草稿内容层级过深，请精简后再保存')
    const answersJson = JSON.stringify(body.answers)
    if (Buffer.byteLength(answersJson) > DRAFT_MAX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', '草稿内容超过64KB，请精简后再保存')
    const at = deps.now().toISOString()
    return deps.db.transaction(() => {
      const row = currentDraft(deps.db, user.id)
      // an application counts as started (for the completion rate) once its address names the enterprise: the id is
      // the current draft's, or the one about to be created
      const draftId = row?.id ?? `d_${crypto.randomUUID()}`
      recordStart(deps.db, draftId, body.answers, at)
      if ((row?.version ?? 0) !== body.version) throw new AppError('CONFLICT', '草稿已在其他地方更新，请刷新后再修改')
      if (!row) {
        const id = draftId
        deps.db.prepare('INSERT INTO draft (id, owner_id, answers_json, page, version, updated_at) VALUES (?, ?, ?, ?, 1, ?)')
          .run(id, user.id, answersJson, body.page, at)
        return { draftId: id, answers: body.answers, page: body.page, version: 1, updatedAt: at }
      }
      deps.db.prepare('UPDATE draft SET answers_json = ?, page = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?')
        .run(answersJson, body.page, at, row.id, row.version)
      return { draftId: row.id, answers: body.answers, page: body.page, version: row.version + 1, updatedAt: at }
    })()
  }, opts)

  route(app, endpoints.draftDiscard, ({ user, req }) => {
    const result = discardDraft(deps, user.id)
    req.log.info(result, 'draft discarded')
    return result
  }, opts)
}
