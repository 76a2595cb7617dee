// Seeds N realistic applications straight into a fresh database file, for the API benchmark.
//
// The schema is the server's own (openDb runs the migrations), and so is every piece of domain logic that
// shapes a row: answers are parsed with the contract's submitBody and checked with the server's answer,
// material and signature checks; materials come from materialFromLicence / materialFromPhoto; receipts from
// buildReceipt; submission events from submitEvents + appendEvents; each supply-enterprise step is the one the
// CLI would push (nextStep), stored as the push route stores it (appendEvents + push_record + queueNotice); the
// applicant's own actions (supplement, 10 kV checkpoint uploads, withdrawal, rating) are the server's functions.
// Only numbering is done in memory (one daily counter instead of a MAX() scan per insert) and checked against
// nextApplicationNumber at the end. A PRNG with a fixed seed draws the same choices on every run; how far each case
// has got depends on where `now` falls, so the states vary a little between runs.
//
//   tsx test/bench/seed-applications.ts [count] [dir]   seeds into dir (a temp dir when omitted) and prints a summary
import { EVENT_OF } from '../../mock/push/records'
import type { EventType } from '../../src/core/progress/events'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { submitBody, type SubmitBody } from '../../src/contract/applications'
import { CONSENT_VERSION } from '../../src/contract/constants'
import { applicationDetailSchema, checkpointBody, type PushRecord } from '../../src/contract/progress'
import { chinaDate } from '../../src/core/calendar/china-date'
import type { Calendar } from '../../src/core/calendar/calendar'
import { maskName } from '../../src/core/masking'
import { caseFacts, effectiveEvents, type ProgressEvent } from '../../src/core/progress'
import { SERVICES, type Service, type ServiceCode, type StandaloneServiceCode, type SupplierCode } from '../../src/core/services'
import { TOWNSHIPS, type Township } from '../../src/core/wanzhou'
import { recordDraftStart } from '../../mock/oversight/take-up'
import { BUNDLED_SUPPLY_SETTINGS as SUPPLY, supplierFor } from '../../src/core/supply-settings'
import { creditCodeCheckChar, idCheckChar, makeLicenceId } from '../../src/core/validators'
import { openDb, type Db } from '../../mock/db/open'
import { seedDemoData } from '../../mock/seed/seed'
import { ISSUERS, LICENCE_TYPES } from '../../mock/seed/demo-data'
import { workingCalendar } from '../../mock/calendar-source'
import { checkAnswers, withContactMobile } from '../../mock/applications/answers-check'
import { checkMaterials } from '../../mock/applications/materials-check'
import { signatureErrors } from '../../mock/applications/signature'
import { buildContractSummary, supplierNameFor } from '../../mock/applications/contract-summary'
import { buildReceipt } from '../../mock/applications/receipt'
import { appendEvents, submitEvents, type NewEvent } from '../../mock/applications/events'
import { hashOf } from '../../mock/applications/canonical'
import { remember } from '../../mock/applications/idempotency'
import { nextApplicationNumber } from '../../mock/applications/number'
import type { YkbLicence } from '../../mock/ykb-gateway/port'
import { materialFromLicence, materialFromPhoto, newId } from '../../mock/licences/materials'
import { findApplication, loadCase, loadEvents, type ApplicationRow, type ProgressDeps } from '../../mock/progress/case'
import { queueNotice } from '../../mock/progress/notify'
import { checkpointUpload, supplementCase, withdrawCase } from '../../mock/progress/applicant-actions'
import { rateCase } from '../../mock/progress/rating'
import { DEMO_PUSH_KEYS, ensurePushClients } from '../../mock/push/clients'
import { historyRefusal } from '../../mock/push/transitions'
import { nextStep, type NextStep } from '../../mock/cli/next-step'
import { recordSms, type SmsRow } from '../../mock/sms/outbox'
import { demoOutboxSender } from '../../mock/sms/demo-sender'

export interface SeedOptions {
  /** the DATA_DIR: the database is `wanzhou.db` inside it, as the server expects */
  dataDir: string
  /** applications to seed (default 10,000) */
  count?: number
  /** applicant accounts (default 300) */
  users?: number
  /** the end of the seeded period (default: the real clock) */
  now?: Date
  /** days back from `now` over which applications were submitted (default 91) */
  days?: number
  seed?: number
}

export interface SeededUser {
  id: string
  name: string
}

export interface SeededCase {
  number: string
  ownerId: string
  service: ServiceCode
  supplier: SupplierCode
  state: 'open' | 'completed' | 'withdrawn' | 'rejected'
}

export interface SeedResult {
  dbFile: string
  users: SeededUser[]
  cases: SeededCase[]
  rows: Record<string, number>
  ms: number
}

const DAY_MS = 24 * 3600 * 1000
const CHINA_OFFSET_MS = 8 * 3600 * 1000
/** Supply-enterprise office hours, China time, in minutes after midnight. */
const OFFICE_OPEN = 8 * 60 + 30
const OFFICE_CLOSE = 17 * 60 + 30
const OFFICE_MINUTES = OFFICE_CLOSE - OFFICE_OPEN

// ---------------------------------------------------------------------------------------------------------
// Deterministic randomness

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

class Rand {
  constructor(readonly next: () => number) {}
  between(a: number, b: number): number { return a + (b - a) * this.next() }
  int(a: number, b: number): number { return Math.floor(this.between(a, b + 1)) }
  chance(p: number): boolean { return this.next() < p }
  pick<T>(items: readonly T[]): T { return items[Math.floor(this.next() * items.length)] }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((n, [, w]) => n + w, 0)
    let x = this.next() * total
    for (const [item, w] of items) if ((x -= w) < 0) return item
    return items[items.length - 1][0]
  }
  digits(n: number): string { return Array.from({ length: n }, () => String(this.int(0, 9))).join('') }
  uuid(): string {
    const h = Array.from({ length: 32 }, () => this.int(0, 15).toString(16)).join('')
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`
  }
}

// ---------------------------------------------------------------------------------------------------------
// Realistic-looking (fictitious) people, places and businesses

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高',
  '谭', '冉', '向', '秦', '彭', '曾', '邓', '熊', '谢', '牟', '程', '余', '蒋', '唐', '冯']
const GIVEN = ['明', '华', '芳', '强', '军', '丽', '静', '敏', '勇', '伟', '燕', '平', '刚', '霞', '涛', '建', '国', '红', '玉', '兰',
  '志', '远', '海', '波', '琴', '英', '林', '春', '秀', '德', '成', '晓', '雪', '鹏', '浩']
const STREETS = ['江南大道', '白岩路', '北山大道', '万州大道', '王牌路', '沙龙路', '国本路', '太白路', '高笋塘路', '天城大道', '五桥路',
  '百安大道', '龙都大道', '申明坝路', '沙河路', '双河口路', '观音岩路', '钟鼓楼路']
const VILLAGES = ['金竹', '青龙', '石桥', '长岭', '大坪', '柏林', '新店', '桂花', '黄葛', '枣子', '河坝', '水井', '双龙', '杉木', '团结']
const SHOP_WORDS = ['鑫达', '兴旺', '顺发', '老陈', '渝万', '三峡', '江城', '平湖', '天和', '聚源', '鸿运', '诚信', '佳禾', '盛世']
const SHOP_KINDS = ['火锅店', '烤鱼店', '五金经营部', '便利店', '汽车修理厂', '农家乐', '水果超市', '纸业加工厂', '茶楼', '面馆',
  '建材经营部', '养殖场', '文具店', '服装店', '药房']
const HANDLERS = ['王工', '刘工', '陈师傅', '李工', '谭师傅', '向工', '周工', '冉师傅', '杨工', '邓工']
const BUSINESS_USES = [['shop', 5], ['office', 2], ['workshop', 2], ['farming', 1], ['other', 1]] as const
const HV_USES = [['workshop', 5], ['office', 2], ['farming', 1], ['other', 1]] as const

const personName = (r: Rand) => r.pick(SURNAMES) + r.pick(GIVEN) + (r.chance(0.7) ? r.pick(GIVEN) : '')
const mobileOf = (r: Rand) => `1${r.pick(['3', '5', '7', '8', '9'])}${r.digits(9)}`

function idNumber(r: Rand, seq: number): string {
  const birth = `${r.int(1955, 2003)}${String(r.int(1, 12)).padStart(2, '0')}${String(r.int(1, 28)).padStart(2, '0')}`
  const id17 = `500101${birth}${String(seq % 1000).padStart(3, '0')}`
  return id17 + idCheckChar(id17)
}

const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY'
function creditCode(r: Rand): string {
  const first17 = `${r.pick(['91', '92'])}500101${Array.from({ length: 9 }, () => r.pick([...CREDIT_CHARS])).join('')}`
  return first17 + creditCodeCheckChar(first17)
}

function addressDetail(r: Rand, t: Township): string {
  if (t.kind === '街道') return `${r.pick(STREETS)}${r.int(1, 999)}号${r.int(1, 12)}幢${r.int(1, 3)}-${r.int(1, 30)}`
  return `${r.pick(VILLAGES)}村${r.int(1, 12)}组${r.int(1, 80)}号`
}

/** Urban 街道 see more applications than villages; every one of the 52 units gets some. */
const TOWNSHIP_WEIGHTS = TOWNSHIPS.map((t) => [t, t.kind === '街道' ? 6 : t.kind === '镇' ? 2 : 1] as const)
const SERVICE_WEIGHTS = [['resident', 55], ['lv-business', 35], ['hv-10kv', 10]] as const

// ---------------------------------------------------------------------------------------------------------
// Time: China office hours and working days

const chinaMinutes = (ms: number) => Math.floor(((ms + CHINA_OFFSET_MS) % DAY_MS) / 60000)
/** The instant of `minutes` after China midnight on China date `day`. */
const atChina = (day: string, minutes: number) => Date.parse(`${day}T00:00:00Z`) - CHINA_OFFSET_MS + minutes * 60000

/** The same instant if it lies in office hours of a working day, else the next opening plus a few minutes. */
function inOffice(cal: Calendar, ms: number, r: Rand): number {
  const day = chinaDate(new Date(ms))
  const m = chinaMinutes(ms)
  if (cal.isWorkingDay(day) && m >= OFFICE_OPEN && m < OFFICE_CLOSE) return ms
  const next = cal.isWorkingDay(day) && m < OFFICE_OPEN ? day : cal.addWorkingDays(day, 1).date
  return atChina(next, OFFICE_OPEN + r.int(0, 90))
}

/** `days` working days (fractions are office hours) after `ms`, landing in office hours. */
function afterWorkingDays(cal: Calendar, ms: number, days: number, r: Rand): number {
  let at = inOffice(cal, ms, r)
  const whole = Math.floor(days)
  let minutes = chinaMinutes(at) + Math.round((days - whole) * OFFICE_MINUTES)
  let day = whole > 0 ? cal.addWorkingDays(chinaDate(new Date(at)), whole).date : chinaDate(new Date(at))
  if (minutes >= OFFICE_CLOSE) {
    day = cal.addWorkingDays(day, 1).date
    minutes = OFFICE_OPEN + (minutes - OFFICE_CLOSE)
  }
  at = atChina(day, minutes)
  return at
}

// ---------------------------------------------------------------------------------------------------------
// Seeding

interface Person {
  userId: string
  identityId: string
  name: string
  idNumber: string
  mobile: string
  /** their e-licences as 渝快办's catalogue would answer them (the backend keeps no catalogue) */
  idCard: YkbLicence
  property: YkbLicence | undefined
}

interface Ctx {
  db: Db
  r: Rand
  cal: Calendar
  now: number
  overrideFile: string
  stmts: ReturnType<typeof statements>
}

function statements(db: Db) {
  return {
    identity: db.prepare('INSERT INTO ykb_identity (id, name, id_number, mobile, demo, created_at) VALUES (?, ?, ?, ?, 1, ?)'),
    user: db.prepare('INSERT INTO app_user (id, ykb_identity_id, consent_version, consent_at, created_at) VALUES (?, ?, ?, ?, ?)'),
    upload: db.prepare('INSERT INTO upload (id, owner_id, mime, size, sha256, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
    draft: db.prepare(`INSERT INTO draft (id, owner_id, answers_json, page, version, updated_at, submitted_number) VALUES (?, ?, ?, ?, ?, ?, ?)`),
    application: db.prepare(`INSERT INTO application (number, owner_id, draft_id, service, supplier, township_code, answers_json, signature_json,
      submitted_at, expected_by, expected_by_estimated, receipt_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    // the push route's statement (mock/push/records.ts)
    pushRecord: db.prepare('INSERT INTO push_record (record_id, app_key, application_number, event_id, created_at) VALUES (?, ?, ?, ?, ?)'),
    subscription: db.prepare('INSERT INTO subscription (application_number, owner_id, template_id, accepted_at) VALUES (?, ?, ?, ?)'),
  }
}

const issuerCode = (code17: string) => code17 + creditCodeCheckChar(code17)

function seedPeople(ctx: Ctx, count: number, startMs: number): Person[] {
  const { r, stmts } = ctx
  const people: Person[] = []
  const ids = new Set<string>()
  for (let i = 0; i < count; i++) {
    const name = personName(r)
    let id = idNumber(r, i)
    while (ids.has(id)) id = idNumber(r, i) // ID numbers are unique; a large seed draws the same birth date and order code twice
    ids.add(id)
    const identityId = `ykb-bench-${String(i + 1).padStart(4, '0')}`
    const mobile = mobileOf(r)
    const created = new Date(startMs - r.int(1, 400) * DAY_MS).toISOString()
    stmts.identity.run(identityId, name, id, mobile, created)
    const from = `20${r.int(10, 22)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`
    const idFace = { name, idNumber: id, address: `重庆市万州区${r.pick(STREETS)}${r.int(1, 300)}号`, validFrom: from, validTo: `${Number(from.slice(0, 4)) + 20}${from.slice(4)}` }
    const idCard: YkbLicence = {
      identifier: makeLicenceId(LICENCE_TYPES.idCard.code, issuerCode(ISSUERS.police.code17), `B${String(i).padStart(5, '0')}`, '001'),
      typeCode: LICENCE_TYPES.idCard.code, typeName: LICENCE_TYPES.idCard.name, licenceNumber: id, holderName: name, holderCode: id,
      validFrom: from, validTo: idFace.validTo, status: 'current', face: idFace,
    }
    let property: YkbLicence | undefined
    if (r.chance(0.8)) {
      const t = r.pick(TOWNSHIPS)
      const certNo = `渝(20${r.int(15, 25)})万州区不动产权第${r.digits(7)}号`
      const face = {
        owner: name, coOwnership: r.pick(['单独所有', '共同共有']), location: `重庆市万州区${t.name}${addressDetail(r, t)}`,
        unitNo: `${t.code}001GB${r.digits(5)}F${r.digits(8)}`, rightType: '国有建设用地使用权/房屋所有权', rightNature: '出让/市场化商品房',
        use: r.pick(['城镇住宅用地/住宅', '商业服务/商业', '工业用地/工业']), area: `${r.int(40, 400)}.${r.int(10, 99)}㎡`, term: '2015-06-01起2085-05-31止', certNo,
      }
      property = {
        identifier: makeLicenceId(LICENCE_TYPES.property.code, issuerCode(ISSUERS.realEstate.code17), `P${String(i).padStart(5, '0')}`, '001'),
        typeCode: LICENCE_TYPES.property.code, typeName: LICENCE_TYPES.property.name, licenceNumber: certNo, holderName: name, holderCode: id,
        validFrom: '2023-06-18', validTo: null, status: 'current', face,
      }
    }
    const userId = `u_${r.uuid()}`
    stmts.user.run(userId, identityId, CONSENT_VERSION, created, created)
    people.push({ userId, identityId, name, idNumber: id, mobile, idCard, property })
  }
  return people
}

function insertUpload(ctx: Ctx, ownerId: string, mime: string, at: Date): string {
  const id = newId('up')
  ctx.stmts.upload.run(id, ownerId, mime, ctx.r.int(80_000, 3_000_000), crypto.randomBytes(32).toString('hex'), at.toISOString())
  return id
}

/** The body the app would submit: answers page by page, the materials just fetched, and the contract signature. */
function submission(ctx: Ctx, p: Person, service: Service, township: Township, at: Date) {
  const { r, db } = ctx
  const fetched = new Date(at.getTime() - r.int(2, 20) * 60000)
  const idCard = materialFromLicence(db, { ownerId: p.userId, licence: p.idCard, kind: 'id-card', source: 'authorised', useCause: '办理用电报装', now: fetched })
  const property = p.property && r.chance(0.85)
    ? materialFromLicence(db, { ownerId: p.userId, licence: p.property, kind: 'property', source: 'authorised', useCause: '办理用电报装', now: fetched })
    : null
  const business = service.code !== 'resident' && r.chance(service.code === 'hv-10kv' ? 0.95 : 0.75)
  const agent = business && r.chance(0.12)
  let agentPart: { agentLetterUploadId?: string; agentIdCard?: { materialId: string } } = {}
  if (agent) {
    // the signed-in person is the agent: the agent's ID card is theirs (the server checks it against the identity)
    const photo = materialFromPhoto(db, {
      ownerId: p.userId, kind: 'id-card', typeName: '居民身份证', uploads: [{ id: insertUpload(ctx, p.userId, 'image/jpeg', fetched), mime: 'image/jpeg' }],
      face: { name: p.name, idNumber: p.idNumber }, entry: 'typed', now: fetched,
    })
    agentPart = { agentLetterUploadId: insertUpload(ctx, p.userId, 'application/pdf', fetched), agentIdCard: { materialId: photo.materialId } }
  }
  const useIdentityMobile = r.chance(0.7)
  const capacityKw = service.code === 'hv-10kv' ? r.int(200, 2000) : service.code === 'resident' ? r.pick([4, 6, 8, 10, 12, 16, 20]) : r.int(5, 160)
  const answers: SubmitBody['answers'] = {
    service: service.code as StandaloneServiceCode,
    applicant: {
      kind: business ? 'business' : 'individual',
      ...(business ? { businessName: `重庆市万州区${r.pick(SHOP_WORDS)}${r.pick(SHOP_KINDS)}`, creditCode: creditCode(r) } : {}),
      role: agent ? 'agent' : 'owner',
      ...(agent ? { agentLetterUploadId: agentPart.agentLetterUploadId } : {}),
      useIdentityMobile,
      ...(useIdentityMobile ? {} : { mobile: mobileOf(r) }),
    },
    // the seeded certificates lie anywhere in the district: a reason covers a township other than the certificate's
    address: { townshipCode: township.code, detail: addressDetail(r, township), differsReason: '经营场所为租用，产权证书为出租方所有' },
    load: {
      capacityKw,
      use: service.code === 'resident' ? 'home' : r.weighted(service.code === 'hv-10kv' ? HV_USES : BUSINESS_USES),
      ...(r.chance(0.3) ? { desiredDate: chinaDate(new Date(at.getTime() + r.int(7, 30) * DAY_MS)) } : {}),
    },
    materials: {
      idCard: { materialId: idCard.materialId },
      property: property && { materialId: property.materialId },
      propertyUndertaking: property === null && r.chance(0.6),
      ...(agent ? { agentIdCard: agentPart.agentIdCard } : {}),
      ...(service.code === 'hv-10kv' ? { projectApprovalUploadId: insertUpload(ctx, p.userId, 'application/pdf', fetched) } : {}),
    },
  }
  const parsedAnswers = submitBody.shape.answers.parse(answers)
  const signature = service.voltage === '10kV' ? undefined : {
    ...(r.chance(0.3) ? { method: 'typed-name' as const, typedName: p.name } : { method: 'tap' as const }),
    contractHash: buildContractSummary(parsedAnswers, maskName(p.name), SUPPLY).hash,
  }
  return submitBody.parse({ draftId: `d_${r.uuid()}`, answers, signature })
}

type Body = ReturnType<typeof submission>

/** What the server's validate() would refuse; a seeded body must pass every check. */
function mustBeValid(ctx: Ctx, p: Person, body: Body, at: Date): string[] {
  const answers = checkAnswers(body.answers, chinaDate(at), p.mobile)
  const materials = checkMaterials(ctx.db, p.userId, body.answers, p.idNumber)
  const errors = [...answers.errors, ...materials.errors, ...signatureErrors(ctx.db, p.userId, body)]
  if (errors.length || materials.refusal) throw new Error(`seeded application is invalid: ${JSON.stringify(errors)} ${materials.refusal?.message ?? ''}`)
  return [...materials.pendingReview, ...answers.pendingReview]
}

/** Inserts what submitApplication's record() inserts: draft, application, submission events, idempotency row. */
function submit(ctx: Ctx, p: Person, service: Service, township: Township, number: string, at: Date): ApplicationRow {
  const { db, stmts, r } = ctx
  const body = submission(ctx, p, service, township, at)
  const pendingReview = mustBeValid(ctx, p, body, at)
  const expected = ctx.cal.addWorkingDays(at, service.totalLimitDays)
  const receipt = buildReceipt({ number, service, supplierName: supplierNameFor(SUPPLY, township.code), submittedAt: at, expected, pendingReview })
  const draftAt = new Date(at.getTime() - r.int(1, 30) * 60000).toISOString()
  stmts.draft.run(body.draftId, p.userId, JSON.stringify(body.answers), 'check', r.int(3, 14), draftAt, number)
  // started, as the drafts route records it; one start in eight more was never submitted (discarded or left)
  const supplier = supplierFor(SUPPLY, township.code).supplier
  recordDraftStart(db, body.draftId, supplier, draftAt)
  if (Number(number.slice(-2)) % 8 === 0) recordDraftStart(db, `d_left_${number}`, supplier, draftAt)
  stmts.application.run(number, p.userId, body.draftId, service.code, supplier, township.code,
    JSON.stringify(withContactMobile(body.answers, p.mobile)), body.signature ? JSON.stringify(body.signature) : null,
    at.toISOString(), expected.date, expected.estimated ? 1 : 0, JSON.stringify(receipt))
  appendEvents(db, number, submitEvents(service, p.userId, body.signature, at), at)
  remember(db, p.userId, `k-${r.uuid()}`, hashOf(body), number, at)
  if (r.chance(0.25)) stmts.subscription.run(number, p.userId, 'tmpl-progress', at.toISOString())
  const row = findApplication(db, number)
  if (!row) throw new Error(`application ${number} was not stored`)
  return row
}


/** The enterprise's own fields, as mock/push/records.ts keeps them. */
function pushPayload(recordId: string, handler: string, step: Pick<NextStep, 'action' | 'opinion' | 'pauseReason' | 'materials' | 'dueBy'>, at: number): Record<string, unknown> {
  const fields = {
    recordId, handler, opinion: step.opinion, startTime: at - 60000 * 7, endTime: step.action === 'stage-finish' ? at - 60000 : undefined,
    pauseReason: step.pauseReason, materials: step.materials, dueBy: step.dueBy,
  }
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined))
}

/** Stores one pushed record the way the push route does: the event, its push_record row, the notice. */
function storePush(ctx: Ctx, row: ApplicationRow, service: Service, event: NewEvent, recordId: string, appKey: string, at: Date): ProgressEvent {
  const [id] = appendEvents(ctx.db, row.number, [event], at)
  ctx.stmts.pushRecord.run(recordId, appKey, row.number, id, at.toISOString())
  const stored: ProgressEvent = { id, type: event.type, stage: event.stage, at: at.toISOString(), payload: event.payload ?? {}, correctsId: event.correctsId ?? null }
  if (!event.correctsId) queueNotice(ctx.db, row, service, stored, at)
  return stored
}

/** How long the enterprise takes before pushing this step, in working days. */
function delayOf(ctx: Ctx, service: Service, step: NextStep, facts: ReturnType<typeof caseFacts>): number {
  const { r } = ctx
  const limit = (code: string | undefined) => {
    for (const s of service.stages) {
      if (s.code === code) return s.limitDays
      const c = s.checkpoints?.find((x) => x.code === code)
      if (c) return c.limitDays
    }
    return 1
  }
  switch (step.action) {
    case 'stage-start': return r.between(0.02, 0.3)
    case 'stage-finish': {
      const days = limit(step.stage)
      // a checkpoint is finished after the applicant's materials; most stages end well inside their limit
      return days * (r.chance(0.06) ? r.between(1.05, 1.6) : r.between(0.15, 0.9))
    }
    case 'resume': return facts.openPause?.payload.pauseReason === 'customer-works' ? r.between(3, 15) : r.between(0.5, 3)
    case 'supplement-receive': return r.between(0.3, 3)
    case 'complete': return r.between(0.02, 0.25)
    default: return r.between(0.05, 0.5)
  }
}

interface CasePlan {
  supplement: boolean
  applicantSupplements: boolean
  pause: boolean
  reject: boolean
  correct: boolean
  withdrawAt: number | null
  rate: boolean
}

/**
 * Plays a case forward from its submission: each step the CLI's nextStep would push, at office-hour times,
 * until the next one would lie after `now` (the case stays open) or the case is closed.
 */
function playCase(ctx: Ctx, person: Person, row: ApplicationRow, service: Service, plan: CasePlan): SeededCase['state'] {
  const { r, db, cal } = ctx
  const appKey = DEMO_PUSH_KEYS[row.supplier as SupplierCode]
  const deps = (at: number): ProgressDeps => ({ db, now: () => new Date(at), calendarOverrideFile: ctx.overrideFile })
  const handler = r.pick(HANDLERS)
  let events = loadEvents(db, row.number)
  let t = Date.parse(row.submitted_at)
  let pausedOnce = false
  let supplementedOnce = false
  for (let n = 0; n < 40; n++) {
    const facts = caseFacts(effectiveEvents(events))
    const current = service.stages.find((s) => facts.spans.has(s.code) && !facts.spans.get(s.code)?.finish)
    const first = current?.code === service.stages[0].code
    const wantSupplement = plan.supplement && !supplementedOnce && first && !facts.openSupplement
    const wantPause = plan.pause && !pausedOnce && current !== undefined && !facts.openPause && !facts.openSupplement &&
      (service.code === 'hv-10kv' ? current.code === 'external-works' && !facts.spans.has('design-review') : current.code === 'build-connect')
    const step = nextStep(service, events, { supplement: wantSupplement, pause: wantPause, today: chinaDate(new Date(t)) })
    if (!step) break
    const at = afterWorkingDays(cal, t, delayOf(ctx, service, step, facts), r)
    if (plan.withdrawAt !== null && plan.withdrawAt <= at) {
      if (plan.withdrawAt > ctx.now) return 'open'
      withdrawCase(deps(plan.withdrawAt), loadCase(db, row), { reason: r.pick(['不需要了', '地址填错了，重新申请', '项目暂缓', '已通过其他渠道办理']) })
      return 'withdrawn'
    }
    if (at > ctx.now) return 'open'
    if (step.action === 'supplement-request') supplementedOnce = true
    if (step.action === 'pause') pausedOnce = true
    if (step.action === 'supplement-receive' && plan.applicantSupplements) {
      // the applicant supplies the proof in the app: a freshly authorised property licence, or a photo
      const licence = person.property
      const material = licence
        ? materialFromLicence(db, { ownerId: row.owner_id, licence, kind: 'property', source: 'authorised', useCause: '补正用电地址物权证明', now: new Date(at) })
        : materialFromPhoto(db, { ownerId: row.owner_id, kind: 'property', typeName: '不动产权证书', uploads: [{ id: insertUpload(ctx, row.owner_id, 'image/jpeg', new Date(at)), mime: 'image/jpeg' }], face: null, now: new Date(at) })
      supplementCase(deps(at), loadCase(db, row), { uploadIds: [], materialIds: [material.materialId], note: '已补充不动产权证书' })
      events = loadEvents(db, row.number)
      t = at
      continue
    }
    const isFirstFinish = step.action === 'stage-finish' && step.stage === service.stages[0].code
    const action = plan.reject && isFirstFinish ? 'reject' : step.action
    const opinion = action === 'reject' ? '用电地址与不动产权证书登记坐落不一致，不予受理' : step.opinion
    const recordId = `${appKey}-${r.uuid()}`
    const event: NewEvent = {
      type: EVENT_OF[action as Exclude<PushRecord['action'], 'correct'>], stage: step.stage ?? null,
      actor: `push:${appKey}`, payload: pushPayload(recordId, handler, { ...step, action, opinion }, at),
    }
    const stored = storePush(ctx, row, service, event, recordId, appKey, new Date(at))
    events.push(stored)
    t = at
    if (action === 'reject') return 'rejected'
    if (plan.correct && step.action === 'stage-finish') {
      // the enterprise corrects the record it just sent (a typo in the handler's name)
      plan.correct = false
      const fixAt = at + r.int(5, 90) * 60000
      if (fixAt <= ctx.now) {
        const fixId = `${appKey}-${r.uuid()}`
        const payload = { ...stored.payload, ...pushPayload(fixId, `${handler}（更正）`, step, fixAt) }
        events.push(storePush(ctx, row, service, { type: stored.type as EventType, stage: stored.stage, actor: `push:${appKey}`, payload, correctsId: stored.id }, fixId, appKey, new Date(fixAt)))
        t = fixAt
      }
    }
    if (step.action === 'stage-start' && service.stages.some((s) => s.checkpoints?.some((c) => c.code === step.stage))) {
      // 10 kV checkpoint: the applicant uploads its materials before the enterprise can finish it
      const upAt = afterWorkingDays(cal, at, r.between(0.1, 1), r)
      if (upAt > ctx.now) return 'open'
      const c = loadCase(db, row)
      const checkpoint = service.stages.flatMap((s) => s.checkpoints ?? []).find((x) => x.code === step.stage)
      const files = Object.fromEntries((checkpoint?.materials ?? []).map((code) => [code, [insertUpload(ctx, row.owner_id, 'application/pdf', new Date(upAt))]]))
      checkpointUpload(deps(upAt), c, checkpointBody.parse({ stage: step.stage, files }))
      events = loadEvents(db, row.number)
      t = upAt
    }
    if (step.action === 'complete') {
      if (plan.rate) {
        const ratedAt = at + r.between(0.05, 4) * DAY_MS
        if (ratedAt <= ctx.now) {
          const grade = r.weighted([[5, 80], [4, 12], [3, 4], [2, 2], [1, 2]] as const)
          const comment = grade >= 4 ? r.pick(['服务很好，全程没跑腿', '很快就通电了', '']) : grade === 3 ? '还行，就是等得久了点' : '施工拖了好几天，打电话也没人回'
          rateCase(deps(ratedAt), loadCase(db, row), { grade, indicators: {}, comment })
        }
      }
      return 'completed'
    }
  }
  const facts = caseFacts(effectiveEvents(loadEvents(db, row.number)))
  return facts.closed ? facts.closed.type : 'open'
}

/** Fresh database in `dataDir`, the demo data and push clients as the server makes them, then N applications. */
/**
 * The seeded history's SMS went out when they were queued, as the demo's sender takes them (recordSms): left
 * pending, tens of thousands would be sent by the server's dispatcher during the first runs measured.
 */
function sendSeededSms(db: Db): void {
  const pending = db.prepare("SELECT * FROM sms_outbox WHERE state = 'pending' ORDER BY id").all() as (SmsRow & { created_at: string })[]
  db.transaction(() => { for (const row of pending) recordSms(db, row, { outcome: 'sent' }, demoOutboxSender, new Date(row.created_at)) })()
}

export function seedApplications(opts: SeedOptions): SeedResult {
  const started = Date.now()
  const count = opts.count ?? 10_000
  const now = (opts.now ?? new Date()).getTime()
  const days = opts.days ?? 91
  const r = new Rand(mulberry32(opts.seed ?? 20261126))
  const dbFile = path.join(opts.dataDir, 'wanzhou.db')
  if (fs.existsSync(dbFile)) throw new Error(`${dbFile} exists: seed into a fresh DATA_DIR`)
  const db = withStatementCache(openDb(dbFile))
  const overrideFile = path.join(opts.dataDir, 'calendar-override.json')
  const ctx: Ctx = { db, r, cal: workingCalendar(overrideFile), now, overrideFile, stmts: statements(db) }
  const start = now - days * DAY_MS
  try {
    seedDemoData(db, new Date(start - 30 * DAY_MS))
    ensurePushClients(db, new Date(start - 30 * DAY_MS))
    const people = db.transaction(() => seedPeople(ctx, opts.users ?? 300, start))()
    // A few regulars apply often (businesses with several sites); most apply once or twice.
    const owners = people.map((p, i) => [p, i < people.length / 10 ? 8 : 1] as const)

    // Submission instants: working days busier than holidays, daytime and evening, oldest first.
    const instants: number[] = []
    while (instants.length < count) {
      const ms = start + r.next() * (now - start - 60000)
      const day = chinaDate(new Date(ms))
      if (!ctx.cal.isWorkingDay(day) && r.chance(0.55)) continue
      const m = chinaMinutes(ms)
      if ((m < 7 * 60 || m > 23 * 60) && r.chance(0.9)) continue
      instants.push(ms)
    }
    instants.sort((a, b) => a - b)

    const cases: SeededCase[] = []
    const perDay = new Map<string, number>()
    const BATCH = 500
    for (let from = 0; from < count; from += BATCH) {
      db.transaction(() => {
        for (const ms of instants.slice(from, from + BATCH)) {
          const at = new Date(ms)
          const day = chinaDate(at).replace(/-/g, '')
          const seq = (perDay.get(day) ?? 0) + 1
          perDay.set(day, seq)
          const number = `WZ${day}${String(seq).padStart(6, '0')}`
          const person = r.weighted(owners)
          const serviceCode = r.weighted(SERVICE_WEIGHTS)
          const service = SERVICES.find((s) => s.code === serviceCode) as Service
          const township = r.weighted(TOWNSHIP_WEIGHTS)
          const row = submit(ctx, person, service, township, number, at)
          const plan: CasePlan = {
            supplement: r.chance(0.08), applicantSupplements: r.chance(0.7),
            pause: r.chance(service.code === 'hv-10kv' ? 0.5 : 0.03), reject: r.chance(0.015), correct: r.chance(0.01),
            withdrawAt: r.chance(0.03) ? ms + r.between(0.05, 5) * DAY_MS : null, rate: r.chance(0.45),
          }
          const state = playCase(ctx, person, row, service, plan)
          cases.push({ number, ownerId: person.userId, service: service.code, supplier: row.supplier as SupplierCode, state })
        }
      })()
    }
    verify(ctx, cases, instants[instants.length - 1])
    sendSeededSms(db)
    const rows = Object.fromEntries(['app_user', 'application', 'application_event', 'material', 'push_record', 'notification', 'sms_outbox', 'rating', 'supplement_file', 'checkpoint_file', 'upload']
      .map((t) => [t, (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n]))
    db.pragma('wal_checkpoint(TRUNCATE)')
    return { dbFile, users: people.map((p) => ({ id: p.userId, name: p.name })), cases, rows, ms: Date.now() - started }
  } finally {
    db.close()
  }
}

/**
 * The server's functions prepare their statements on every call; seeding calls them ~400,000 times, so this
 * connection (the seeder's only) reuses each compiled statement. Results are the same: only compiling is saved.
 */
function withStatementCache(db: Db): Db {
  const prepare = db.prepare.bind(db)
  const cache = new Map<string, ReturnType<Db['prepare']>>()
  db.prepare = ((sql: string) => {
    let statement = cache.get(sql)
    if (!statement) cache.set(sql, (statement = prepare(sql)))
    return statement
  }) as Db['prepare']
  return db
}

/** Every seeded history is one the push route would have accepted, and the numbering is the server's. */
function verify(ctx: Ctx, cases: SeededCase[], lastMs: number): void {
  for (const c of cases) {
    const k = loadCase(ctx.db, findApplication(ctx.db, c.number) as ApplicationRow)
    const why = historyRefusal(k.service, k.events)
    if (why) throw new Error(`seeded history of ${c.number} breaks the stage order: ${why.message}`)
  }
  const last = cases[cases.length - 1].number
  const expected = `${last.slice(0, 10)}${String(Number(last.slice(10)) + 1).padStart(6, '0')}`
  const next = nextApplicationNumber(ctx.db, new Date(lastMs))
  if (next !== expected) throw new Error(`numbering differs from the server's: next would be ${next}, expected ${expected}`)
}

/**
 * Asks the running server for the detail of a sample of seeded numbers (every state, both suppliers, all
 * services) with the owner's bearer token; each must answer 200 and match the contract's detail schema.
 */
export async function checkSample(base: string, cases: SeededCase[], tokenOf: (ownerId: string) => string, size = 120): Promise<string[]> {
  const problems: string[] = []
  const byKind = new Map<string, SeededCase[]>()
  for (const c of cases) {
    const key = `${c.state}/${c.service}/${c.supplier}`
    byKind.set(key, [...(byKind.get(key) ?? []), c])
  }
  const sample: SeededCase[] = []
  for (const group of byKind.values()) sample.push(...group.slice(0, 3))
  for (let i = 0; sample.length < size && i < cases.length; i += Math.max(1, Math.floor(cases.length / size))) sample.push(cases[i])
  for (const c of sample) {
    const res = await fetch(`${base}/api/applications/${c.number}`, { headers: { authorization: `Bearer ${tokenOf(c.ownerId)}` }, signal: AbortSignal.timeout(10_000) })
    const body = (await res.json()) as { code: string; data: unknown }
    if (res.status !== 200) { problems.push(`${c.number}: HTTP ${res.status} ${body.code}`); continue }
    const parsed = applicationDetailSchema.safeParse(body.data)
    if (!parsed.success) { problems.push(`${c.number}: detail breaks the contract: ${parsed.error.issues[0]?.message}`); continue }
    const state = parsed.data.process.state
    const want = c.state === 'open' ? ['in-progress', 'paused', 'overdue'] : [c.state]
    if (!want.includes(state)) problems.push(`${c.number}: state ${state}, seeded as ${c.state}`)
  }
  return problems
}

if (require.main === module) {
  const count = Number(process.argv[2] ?? 10_000)
  const dir = process.argv[3] ?? fs.mkdtempSync(path.join(os.tmpdir(), 'wz-bench-seed-'))
  const result = seedApplications({ dataDir: dir, count })
  const states = result.cases.reduce<Record<string, number>>((m, c) => ({ ...m, [c.state]: (m[c.state] ?? 0) + 1 }), {})
  process.stdout.write(`seeded ${result.cases.length} applications into ${result.dbFile} in ${(result.ms / 1000).toFixed(1)} s\n`)
  process.stdout.write(`states: ${JSON.stringify(states)}\nrows: ${JSON.stringify(result.rows)}\n`)
}
