// Helpers for the progress, push, lookup and rating contract tests: applicants with real e-licence materials,
// submitted cases, signed pushes on the server's clock, and walking a case with the CLI's next-step logic.
import crypto from 'node:crypto'
import type { z } from 'zod'
import { startInProcess, type InProcess } from './in-process'
import { applicant, type TestApplicant } from './licence-fixtures'
import { DEMO, makeClock, newDraft, shopAnswers, signedBody, submit } from './fixtures'
import { callApi } from '../../../src/lib/http/client'
import { chinaDate } from '../../../src/core/calendar/china-date'
import type { AnswersInput } from '../../../src/contract/answers'
import type { pushRecordSchema } from '../../../src/contract/progress'
import { clientForSupplier, type PushClient } from '../../../mock/push/clients'
import { sendPush } from '../../../mock/push/send'
import { advanceCase } from '../../../mock/cli/advance-case'

export interface Owner extends TestApplicant {
  idCard: string
  property: string
}

type Clock = { now: () => Date; advance: (ms: number) => void; set: (iso: string) => void }
export type RecordInput = z.input<typeof pushRecordSchema>

/** A server on the test clock; sessions (staff's too) last a year so the clock can move through weeks of working days. */
export const startOn = (clock: Clock) => startInProcess({
  now: clock.now, sessionTtl: { accessSeconds: 365 * 24 * 3600, refreshSeconds: 400 * 24 * 3600, staffSeconds: 400 * 24 * 3600 },
})

export interface Suite {
  clock: Clock
  s: InProcess
  li: Owner
}

/**
 * For one test file: a server of its own on a clock starting at `startIso` (Thursday 2026-11-26 10:00 in China
 * by default) and 李明远 ready to apply. The fields are filled in by the file's first beforeAll.
 */
export function progressSuite(startIso = '2026-11-26T02:00:00Z'): Suite {
  const suite = { clock: makeClock(startIso) } as Suite
  beforeAll(async () => {
    suite.s = await startOn(suite.clock)
    suite.li = await owner(suite.s, DEMO.li)
  })
  afterAll(async () => { await suite.s.close() })
  return suite
}

/** A signed-in applicant bound to a demo identity, with consent and both authorised e-licences as materials. */
export async function owner(s: InProcess, identity: string): Promise<Owner> {
  const a = applicant(s, { identity })
  const r = await callApi('licencesAuthorised', { body: { kinds: ['id-card', 'property'], useCause: '办理用电报装' } }, a.client)
  return { ...a, idCard: r.licences[0].materialId, property: r.licences[1].materialId }
}

/** Where a case is put in another township than the demo certificates' 瀼渡镇: the applicant says why (staff check it). */
const ELSEWHERE = '证书坐落为老地址，用电地址为现地址'

/** A small shop in 瀼渡镇 (国网), signed and submitted; `township` 500101155 (长滩镇) makes it 三峡水利's. */
export async function applyShop(o: Owner, township?: string): Promise<string> {
  const base = shopAnswers(o)
  const answers: AnswersInput = township ? { ...base, address: { townshipCode: township, detail: '演示街8号1幢1-1', differsReason: ELSEWHERE } } : base
  return (await submit(o, await signedBody(o, await newDraft(o), answers))).number
}

/** A 10 kV workshop of `o`'s in 瀼渡镇 (rural), or in `township`. */
export async function applyHv(s: InProcess, o: Owner, township?: string): Promise<string> {
  const upload = s.db.prepare('SELECT id FROM upload WHERE owner_id = ?').get(o.userId) as { id: string } | undefined
  const projectApprovalUploadId = upload?.id ?? insertOwnUpload(s, o)
  const answers: AnswersInput = {
    ...shopAnswers(o), service: 'hv-10kv', load: { capacityKw: 400, use: 'workshop' },
    materials: { idCard: { materialId: o.idCard }, property: { materialId: o.property }, projectApprovalUploadId },
    ...(township && { address: { townshipCode: township, detail: '工业园8号', differsReason: ELSEWHERE } }),
  }
  return (await submit(o, { draftId: await newDraft(o), answers })).number
}

export function insertOwnUpload(s: InProcess, o: { userId: string }): string {
  const id = `up_${crypto.randomUUID()}`
  s.db.prepare('INSERT INTO upload (id, owner_id, mime, size, sha256, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(id, o.userId, 'application/pdf', 2048, 'b'.repeat(64), new Date().toISOString())
  return id
}

/** A push record with a fresh recordId; the enterprise's own start time is a fixed instant in the past. */
export const rec = (caseNumber: string, action: RecordInput['action'], stage?: string, extra: Partial<RecordInput> = {}): RecordInput =>
  ({ recordId: `r-${crypto.randomUUID()}`, caseNumber, action, stage, handler: '王工', startTime: Date.UTC(2026, 0, 5), ...extra })

/** China date `days` after the clock's now: a due date a pause or 补正 may carry. */
export const dueIn = (clock: Clock, days = 10) => chinaDate(new Date(clock.now().getTime() + days * 24 * 3600_000))

/** The fields of a 补正 the plan allows at acceptance: the property proof, due in ten days. */
export const askProperty = (clock: Clock, note = '请补充租赁合同及出租方产权证明'): Partial<RecordInput> =>
  ({ materials: [{ code: 'property-proof', note }], dueBy: dueIn(clock), opinion: note })

export const pushClient = (s: InProcess, supplier = 'sgcc-wanzhou'): PushClient => {
  const client = clientForSupplier(s.db, supplier)
  if (!client) throw new Error(`no push client for ${supplier}`)
  return client
}

/** Pushes records signed by the supplier's key, timestamped by the server's clock. */
export const push = (s: InProcess, clock: Clock, records: RecordInput[], o: { supplier?: string; nonce?: string } = {}) =>
  sendPush({ base: s.url, client: pushClient(s, o.supplier), body: { records }, now: clock.now(), nonce: o.nonce })

/** Pushes the next step with the CLI's logic `steps` times (or to the end), moving the clock a day before each. */
export async function walk(s: InProcess, clock: Clock, number: string, steps = 100): Promise<string[]> {
  const done: string[] = []
  for (let i = 0; i < steps; i++) {
    clock.advance(24 * 3600_000)
    const step = await advanceCase({ db: s.db, base: s.url, number, now: clock.now })
    if (!step) break
    done.push(`${step.step.action}${step.step.stage ? ` ${step.step.stage}` : ''}`)
  }
  return done
}

export const eventRows = (s: InProcess, number?: string) =>
  (number ? s.db.prepare('SELECT * FROM application_event WHERE application_number = ? ORDER BY id').all(number) : s.db.prepare('SELECT * FROM application_event ORDER BY id').all()) as
    { id: number; type: string; stage: string | null; at: string; payload_json: string; corrects_id: number | null }[]

export const countRows = (s: InProcess, table: string) => (s.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n
