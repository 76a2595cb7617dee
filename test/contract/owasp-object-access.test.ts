// OWASP API1 (broken object-level authorisation): every route of src/contract/routes.ts that takes an object's id
// (in its path, its query or its body) is called with the owner's object by seven callers (a gas provider's staff and the district's oversight
// among them: it reaches no case at all), and every refusal is the
// very answer a non-existent id gets, so a refusal never tells whether the object exists.
import crypto from 'node:crypto'
import type { z } from 'zod'
import { endpoints } from '../../src/contract'
import { ROUTES, type RouteId } from '../../src/contract/routes'
import { callApi } from '../../src/lib/http/client'
import { signedHeaders } from '../../mock/push/signing'
import { issueLookupToken } from '../../mock/lookup/tokens'
import { DEMO_YKB_APP } from '../../mock/config'
import { createTxn as createYkbTxn } from '../../mock/ykb/sim-show'
import type { InProcess } from './support/in-process'
import { DEMO, newDraft, shopAnswers, signedBody } from './support/fixtures'
import { demoImage, sample, uploaded } from './support/licence-fixtures'
import { applyHv, applyShop, askProperty, insertOwnUpload, owner, progressSuite, pushClient, push, rec, walk, type Owner } from './support/progress-fixtures'
import { applyShopWithPhoto, applyWith, idOnlyOwner, staffSignIn } from './support/staff-fixtures'
import { ACTORS, callRoute, outcomeOf, type Actor, type Answer, type Call } from './support/actors'
import { latestLookupCode } from './support/sms'
import { BUSINESS, inviteOwner, renewGrant } from './support/lead-fixtures'

const suite = progressSuite()
const { clock } = suite
let s: InProcess
let A: Owner
let B: Owner
const token: Partial<Record<Actor, string>> = {}
const o = {} as {
  open: string; photoUpload: string; withdrawable: string; supplementable: string; disputable: string; supplementable2: string; othersSupplementable: string
  oneCert: string; oneCert2: string; othersOneCert: string
  hv: string; completed: string; poorlyRated: string; pushable: string; txn: string; front: string; back: string; pdf: string
  complainable: string; complained: string; complaint: string; answered: string; answeredComplaint: string
}

beforeAll(async () => {
  ({ s } = suite)
  A = await owner(s, DEMO.li)
  B = await idOnlyOwner(s, DEMO.wang)
  token.owner = A.headers.authorization.slice(7)
  token.other = B.headers.authorization.slice(7)
  const gwKefu = await staffSignIn(s, 'gw-kefu')
  token.gwStaff = gwKefu.token
  token.sxStaff = (await staffSignIn(s, 'sx-kefu')).token
  // a provider of the joint connection (燃气): another enterprise's staff, exactly like 三峡水利's for these cases
  token.gasStaff = (await staffSignIn(s, 'rq-kefu')).token
  token.district = (await staffSignIn(s, 'wz-jxw')).token
  ;({ number: o.open, uploadId: o.photoUpload } = await applyShopWithPhoto(s, A))
  o.withdrawable = await applyShop(A)
  o.pushable = await applyShop(A)
  o.supplementable = await applyShop(A)
  o.supplementable2 = await applyShop(A)
  o.othersSupplementable = await applyShop(B)
  o.disputable = await applyShop(A)
  for (const n of [o.supplementable, o.supplementable2, o.othersSupplementable, o.disputable]) await push(s, clock, [rec(n, 'supplement-request', 'accept-sign', askProperty(clock, '请补充租赁合同'))])
  const oneCert = (who: Owner) => applyWith(who, (a) => ({ ...a, materials: { ...a.materials, property: null, propertyUndertaking: true } }))
  o.oneCert = await oneCert(A)
  o.oneCert2 = await oneCert(A)
  o.othersOneCert = await oneCert(B)
  o.hv = await applyHv(s, A)
  await walk(s, clock, o.hv, 5) // to 设计审查 inside 外部工程实施
  o.completed = await applyShop(A)
  await walk(s, clock, o.completed)
  o.poorlyRated = await applyShop(A)
  await walk(s, clock, o.poorlyRated)
  await callApi('rate', { params: { number: o.poorlyRated }, body: { grade: 1, indicators: {} } }, A.client) // opens a 差评 follow-up
  // in-app complaints: one waiting for its answer, one answered (the applicant may close it)
  o.complainable = await applyShop(A)
  o.complained = await applyShop(A)
  o.complaint = (await callApi('complain', { params: { number: o.complained }, body: { text: '超过时限仍未接电，请尽快处理' } }, A.client)).complaints[0].id
  o.answered = await applyShop(A)
  o.answeredComplaint = (await callApi('complain', { params: { number: o.answered }, body: { text: '超过时限仍未接电，请尽快处理' } }, A.client)).complaints[0].id
  await callApi('staffAnswerComplaint', { params: { number: o.answered, complaintId: o.answeredComplaint }, body: { text: '已安排明天上午接电' } }, gwKefu.client)
  o.txn = `txn_${crypto.randomBytes(12).toString('base64url')}`
  // A's request waits for 赵强 to decide in 渝快办 (a use request in the simulator's store)
  const ykbTxn = createYkbTxn(s.ykbSim!.db, { appKey: DEMO_YKB_APP.appKey, identityId: DEMO.zhao, kind: 'id-card', useCause: '用电报装', requester: '李*', now: clock.now() })
  s.db.prepare('INSERT INTO scan_txn (id, user_id, ykb_txn_id, kind, status, created_at, expires_at) VALUES (?, ?, ?, ?, 1, ?, ?)')
    .run(o.txn, A.userId, ykbTxn.id, 'id-card', clock.now().toISOString(), '2099-01-01T00:00:00.000Z')
  o.front = await uploaded(s, A, await demoImage(s, 'front'))
  o.back = await uploaded(s, A, await demoImage(s, 'back'))
  o.pdf = await uploaded(s, A, sample('pdf'))
})

const MISSING_NUMBER = 'WZ20200101000001'
const A_MOBILE = '13800138000'
const OTHER_MOBILE = '13900139000'
/** the applicant whose session prepares a body (staff and anonymous callers are refused before the body is read) */
const requester = (actor: Actor) => (actor === 'owner' ? A : B)
const idempotent = () => ({ 'Idempotency-Key': crypto.randomUUID() })
const latestCode = () => latestLookupCode(s.db)

/** gw-kefu locked for an address by five failures: a lock an administrator could clear. */
const lockedPair = () => String(s.db.prepare(`INSERT INTO staff_lockout (username, client_ip, failures, locks, locked_until, last_failure_at)
  VALUES ('gw-kefu', ?, 0, 1, '2099-01-01T00:00:00.000Z', ?)`).run(`192.0.2.${crypto.randomInt(1, 250)}`, clock.now().toISOString()).lastInsertRowid)

type Expected = Record<Actor, string>
const APPLICANT_OWNED: Expected = { owner: 'ok', other: 'NOT_FOUND', gwStaff: 'FORBIDDEN', sxStaff: 'FORBIDDEN', gasStaff: 'FORBIDDEN', district: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' }
/** the district is refused every case, whichever enterprise's, before the number is read */
const STAFF_SCOPED: Expected = { owner: 'FORBIDDEN', other: 'FORBIDDEN', gwStaff: 'ok', sxStaff: 'NOT_FOUND', gasStaff: 'NOT_FOUND', district: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' }

interface Row {
  route: RouteId
  /** what the object is */
  what: string
  object: () => string | Promise<string>
  /** a well-formed id of nothing */
  missing: string
  call: (id: string, actor: Actor) => Call | Promise<Call>
  expected: Expected
  /** the owner's call succeeding changes nothing the refusals depend on, but it runs last anyway */
  okBodiesDiffer?: boolean
}

const byNumber = (route: RouteId, what: string, object: () => string, body?: (actor: Actor) => unknown | Promise<unknown>, expected = APPLICANT_OWNED): Row => ({
  route, what, object, missing: MISSING_NUMBER, expected,
  call: async (id, actor) => ({ params: { number: id }, body: body ? await body(actor) : undefined }),
})

/** The owner's objects, each behind every route that takes its id. */
const ROWS: Row[] = [
  { route: 'scanStatus', what: '亮证 use request', object: () => o.txn, missing: 'txn_missing', expected: APPLICANT_OWNED, call: (id) => ({ params: { txnId: id } }) },
  { route: 'ocrIdCard', what: 'upload (ID-card photo)', object: () => o.front, missing: 'up_missing', expected: APPLICANT_OWNED, call: (id) => ({ body: { uploadId: id, side: 'front' } }) },
  { route: 'photoIdCard', what: 'uploads (both sides)', object: () => o.front, missing: 'up_missing', expected: APPLICANT_OWNED, call: (id) => ({ body: { frontUploadId: id, backUploadId: o.back } }) },
  { route: 'photoProperty', what: 'upload (property PDF)', object: () => o.pdf, missing: 'up_missing', expected: APPLICANT_OWNED, call: (id) => ({ body: { uploadId: id } }) },
  {
    route: 'contractSummary', what: 'material ids inside the answers (never read)', object: () => A.idCard, missing: 'mat_missing', okBodiesDiffer: true,
    expected: { ...APPLICANT_OWNED, other: 'ok' }, call: (id) => ({ body: { answers: shopAnswers({ idCard: id, property: A.property }) } }),
  },
  {
    route: 'submit', what: 'draft', object: () => newDraft(A), missing: 'd_missing', expected: APPLICANT_OWNED,
    call: async (id, actor) => ({ body: await signedBody(requester(actor), id, shopAnswers(A)), headers: idempotent() }),
  },
  {
    route: 'submit', what: 'materials inside the answers', object: () => A.idCard, missing: 'mat_missing', expected: { ...APPLICANT_OWNED, other: 'VALIDATION_FAILED' },
    call: async (id, actor) => {
      const who = requester(actor)
      return { body: await signedBody(who, await newDraft(who), shopAnswers({ idCard: id, property: actor === 'owner' ? A.property : null })), headers: idempotent() }
    },
  },
  byNumber('receipt', 'application', () => o.open),
  byNumber('applicationDetail', 'application', () => o.open),
  byNumber('applicationVersion', 'application (its version)', () => o.open),
  byNumber('withdraw', 'application', () => o.withdrawable, () => ({ reason: '不再需要用电' })),
  byNumber('supplement', 'application (补正)', () => o.supplementable, () => ({ uploadIds: [insertOwnUpload(s, A)] })),
  byNumber('dispute', 'application (补正 disputed)', () => o.disputable, () => ({ kind: 'not-mine', note: '材料已齐全' })),
  {
    route: 'supplement', what: 'uploads inside the 补正 body', object: () => insertOwnUpload(s, A), missing: 'up_missing', expected: { ...APPLICANT_OWNED, other: 'VALIDATION_FAILED' },
    call: (id, actor) => ({ params: { number: actor === 'owner' ? o.supplementable2 : o.othersSupplementable }, body: { uploadIds: [id] } }),
  },
  byNumber('checkpointMaterials', 'application (10 kV 设计审查)', () => o.hv,
    () => ({ stage: 'design-review', files: { 'design-qualification': [insertOwnUpload(s, A)], 'design-documents': [insertOwnUpload(s, A)] } })),
  byNumber('rate', 'application (办结)', () => o.completed, () => ({ grade: 5, comment: '很满意' })),
  byNumber('subscribe', 'application', () => o.open, () => ({ accepted: ['tpl-progress'] })),
  byNumber('complain', 'application (在线投诉)', () => o.complainable, () => ({ text: '超过时限仍未接电，请尽快处理' })),
  {
    route: 'closeComplaint', what: 'complaint (answered)', object: () => o.answeredComplaint, missing: 'c_00000000-0000-4000-8000-000000000000', expected: APPLICANT_OWNED,
    call: (id) => ({ params: { number: o.answered, complaintId: id }, body: {} }),
  },
  {
    route: 'staffAnswerComplaint', what: 'complaint (waiting for its answer)', object: () => o.complaint, missing: 'c_00000000-0000-4000-8000-000000000000', expected: STAFF_SCOPED,
    call: (id) => ({ params: { number: o.complained, complaintId: id }, body: { text: '已安排明天上午接电' } }),
  },
  byNumber('contractPdf', 'application (the signed contract as a PDF)', () => o.open),
  {
    route: 'propertyProof', what: 'application (一证受理) and the property proof handed in', object: () => o.oneCert, missing: MISSING_NUMBER, expected: APPLICANT_OWNED,
    call: (id, actor) => ({ params: { number: id }, body: { materialId: actor === 'owner' ? A.property : 'mat_missing' } }),
  },
  {
    route: 'propertyProof', what: 'property proof inside the body', object: () => A.property, missing: 'mat_missing', expected: { ...APPLICANT_OWNED, other: 'VALIDATION_FAILED' },
    call: (id, actor) => ({ params: { number: actor === 'owner' ? o.oneCert2 : o.othersOneCert }, body: { materialId: id } }),
  },
  byNumber('staffContractPdf', 'application (the signed contract as a PDF)', () => o.open, undefined, STAFF_SCOPED),
  {
    route: 'lookupCode', what: 'application number (same answer whatever it is)', object: () => o.open, missing: MISSING_NUMBER,
    expected: { owner: 'ok', other: 'ok', gwStaff: 'ok', sxStaff: 'ok', gasStaff: 'ok', district: 'ok', anonymous: 'ok' },
    call: (id, actor) => ({ body: { number: id, mobile: actor === 'owner' ? A_MOBILE : OTHER_MOBILE } }),
  },
  {
    route: 'lookup', what: 'application number + mobile + SMS code', object: () => o.open, missing: MISSING_NUMBER,
    expected: { owner: 'ok', other: 'LOOKUP_FAILED', gwStaff: 'LOOKUP_FAILED', sxStaff: 'LOOKUP_FAILED', gasStaff: 'LOOKUP_FAILED', district: 'LOOKUP_FAILED', anonymous: 'LOOKUP_FAILED' },
    call: async (id, actor) => {
      if (actor !== 'owner') return { body: { number: id, mobile: OTHER_MOBILE, code: '123456' } }
      await callRoute(s, 'lookupCode', { body: { number: id, mobile: A_MOBILE } })
      return { body: { number: id, mobile: A_MOBILE, code: latestCode() } }
    },
  },
  {
    route: 'lookupRefresh', what: 'application (lookup token of this case, or of another)', object: () => o.open, missing: MISSING_NUMBER,
    expected: { owner: 'ok', other: 'LOOKUP_FAILED', gwStaff: 'LOOKUP_FAILED', sxStaff: 'LOOKUP_FAILED', gasStaff: 'LOOKUP_FAILED', district: 'LOOKUP_FAILED', anonymous: 'LOOKUP_FAILED' },
    call: (id, actor) => ({
      params: { number: id },
      headers: { 'X-Lookup-Token': issueLookupToken(s.db, actor === 'owner' ? id : o.withdrawable, clock.now()).lookupToken },
    }),
  },
  {
    route: 'lookupVersion', what: 'application\'s version (lookup token of this case, or of another)', object: () => o.open, missing: MISSING_NUMBER,
    expected: { owner: 'ok', other: 'LOOKUP_FAILED', gwStaff: 'LOOKUP_FAILED', sxStaff: 'LOOKUP_FAILED', gasStaff: 'LOOKUP_FAILED', district: 'LOOKUP_FAILED', anonymous: 'LOOKUP_FAILED' },
    call: (id, actor) => ({
      params: { number: id },
      headers: { 'X-Lookup-Token': issueLookupToken(s.db, actor === 'owner' ? id : o.withdrawable, clock.now()).lookupToken },
    }),
  },
  {
    route: 'push', what: 'case number in a pushed record (staff callers sign with their enterprise\'s key)', object: () => o.pushable, missing: MISSING_NUMBER,
    expected: { owner: 'PUSH_UNKNOWN_KEY', other: 'PUSH_UNKNOWN_KEY', gwStaff: 'ok', sxStaff: 'NOT_FOUND', gasStaff: 'NOT_FOUND', district: 'PUSH_UNKNOWN_KEY', anonymous: 'PUSH_UNKNOWN_KEY' },
    call: (id, actor) => {
      const raw = JSON.stringify({ records: [rec(id, 'stage-finish', 'accept-sign')] })
      const supplier = ({ gwStaff: 'sgcc-wanzhou', sxStaff: 'sanxia', gasStaff: 'wz-gas' } as Partial<Record<Actor, string>>)[actor]
      return supplier ? { body: raw, headers: signedHeaders(pushClient(s, supplier), raw, clock.now()) } : { body: raw }
    },
  },
  byNumber('staffCase', 'application', () => o.open, undefined, STAFF_SCOPED),
  byNumber('staffReveal', 'application', () => o.open, () => ({ field: 'mobile', reason: '电话联系申请人' }), STAFF_SCOPED),
  byNumber('staffNote', 'application', () => o.open, () => ({ text: '已电话联系' }), STAFF_SCOPED),
  byNumber('staffUrge', 'application', () => o.open, () => ({ message: '请尽快安排' }), STAFF_SCOPED),
  byNumber('staffExternalWorks', 'application', () => o.open, () => ({ needed: false, note: '现场勘查：表箱已具备' }), STAFF_SCOPED),
  byNumber('staffFollowUp', 'application (差评回访)', () => o.poorlyRated, () => ({ note: '已电话回访申请人' }), STAFF_SCOPED),
  // 改派 is for 班长 and the admin: both agents and the district are refused before the case is read (supervisors' scope: staff-reassign)
  byNumber('staffReassign', 'application (改派)', () => o.open, () => ({ to: 'sanxia', reason: '地址属三峡水利供区' }),
    { owner: 'FORBIDDEN', other: 'FORBIDDEN', gwStaff: 'FORBIDDEN', sxStaff: 'FORBIDDEN', gasStaff: 'FORBIDDEN', district: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' }),
  { route: 'staffUpload', what: 'upload behind a case\'s material', object: () => o.photoUpload, missing: 'up_missing', expected: STAFF_SCOPED, call: (id) => ({ params: { uploadId: id } }) },
  {
    // 主动服务: an invitation reaches its owner's 渝快办 identity only; each row registers a fresh lead for 李明远's business
    route: 'invitationAccept', what: 'invitation (主动服务)', object: () => inviteOwner(s, BUSINESS.li), missing: 'ld_missing00000000', expected: APPLICANT_OWNED,
    call: async (id, actor) => {
      if (actor === 'owner') renewGrant(s, A.userId, DEMO.li, clock.now()) // the clock has moved past the grant of beforeAll
      return { params: { id }, body: { contractHash: await shownHash(id) } }
    },
  },
  {
    route: 'invitationDecline', what: 'invitation (主动服务)', object: () => inviteOwner(s, BUSINESS.li), missing: 'ld_missing00000000', expected: APPLICANT_OWNED,
    call: (id) => ({ params: { id }, body: { reason: '暂不需要' } }),
  },
  {
    // only an administrator clears a sign-in lock (staff-auth.test): every caller here is refused before the id is read
    route: 'staffLockoutClear', what: 'a staff sign-in lock', object: lockedPair, missing: '999999',
    expected: { owner: 'FORBIDDEN', other: 'FORBIDDEN', gwStaff: 'FORBIDDEN', sxStaff: 'FORBIDDEN', gasStaff: 'FORBIDDEN', district: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
    call: (id) => ({ params: { id }, body: {} }),
  },
]

/** The contract hash 李明远 is shown for his invitation (anyone else's call names the same hash). */
async function shownHash(id: string): Promise<string> {
  const { invitations } = await callApi('invitations', {}, A.client)
  return invitations.find((i) => i.id === id)?.contract.hash ?? '0'.repeat(64)
}

/** Routes that take no object id, and why each needs no row above. */
const NO_OBJECT_ID: Partial<Record<RouteId, string>> = {
  health: 'public', services: 'public', calendar: 'public', townships: 'public',
  loginWechat: 'takes a one-time WeChat code (owasp-auth)', loginYkb: 'takes a one-time 渝快办 code (auth.test)',
  refresh: 'takes a refresh token (auth.test, owasp-auth)', logout: 'own session', me: 'own user', consent: 'own user',
  licencesAuthorised: 'the signed-in identity\'s own licences', scanBegin: 'the holder authorises in 渝快办 (scan.test)',
  upload: 'creates an object', draftGet: 'own current draft', draftSave: 'own current draft (owasp-mass-assignment)',
  draftDiscard: 'own current draft (privacy-documents)',
  myApplications: 'own list', staffLogin: 'credentials', staffLogout: 'own session', staffMe: 'own account',
  staffSearch: 'scoped by enterprise (staff-matrix, staff-search)', staffDashboard: 'role × enterprise (staff-matrix)',
  staffReportCsv: 'role × enterprise (staff-matrix)', staffAccessLog: 'admin only (staff-matrix)', staffLockouts: 'admin only (staff-matrix, staff-auth)',
  oversightMonth: 'aggregates of every enterprise, district and admin only (staff-matrix, oversight)',
  oversightTrend: 'aggregates of every enterprise, district and admin only (staff-matrix, oversight)',
  oversightCsv: 'aggregates of every enterprise, district and admin only (staff-matrix, oversight)',
  publicTimes: 'public aggregates, small cells suppressed (public-times)',
  staffSubmitReport: 'the 班长\'s own enterprise only (staff-matrix, monthly-reports)',
  oversightReports: 'aggregates of every enterprise, district and admin only (staff-matrix, monthly-reports)',
  staffLeadRegister: 'creates a lead for the staff member\'s own enterprise (staff-matrix, leads)',
  staffLeads: 'the staff member\'s own enterprise\'s leads; the district none (staff-matrix, leads)',
  invitations: 'the signed-in 渝快办 identity\'s own invitations (leads)',
  staffOwnReport: 'the 班长\'s own enterprise only (staff-matrix, monthly-reports)',
}

/** Field names that carry another object's id somewhere in a request schema. */
const ID_FIELD = /(Id|Ids)$|^(number|caseNumber)$/
function idFields(schema: z.ZodType | undefined, at = ''): string[] {
  const def = (schema as unknown as { _zod?: { def: Record<string, unknown> } } | undefined)?._zod?.def
  if (!def) return []
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([key, value]) =>
        [...(ID_FIELD.test(key) ? [`${at}${key}`] : []), ...idFields(value, `${at}${key}.`)])
    case 'optional': case 'nullable': case 'default': case 'prefault': case 'readonly': case 'catch':
      return idFields(def.innerType as z.ZodType, at)
    case 'array':
      return idFields(def.element as z.ZodType, at)
    case 'record':
      return idFields(def.valueType as z.ZodType, at)
    case 'pipe':
      return idFields(def.in as z.ZodType, at)
    default:
      return []
  }
}
const takesId = (id: RouteId) => {
  const e = endpoints[id] as { body?: z.ZodType; query?: z.ZodType }
  return ROUTES[id].path.includes(':') || idFields(e.body).length > 0 || idFields(e.query).length > 0
}

describe('OWASP API1: the route table and the object matrix stay in step', () => {
  it('should classify every route: each one that takes an id has a matrix row, every other one says why it needs none', () => {
    const all = Object.keys(ROUTES) as RouteId[]
    const inMatrix = new Set(ROUTES && ROWS.map((r) => r.route))
    const unclassified = all.filter((id) => !inMatrix.has(id) && !NO_OBJECT_ID[id])
    const both = all.filter((id) => inMatrix.has(id) && NO_OBJECT_ID[id])
    const idTakingWithoutRow = all.filter((id) => takesId(id) && !inMatrix.has(id))
    expect({ unclassified, both, idTakingWithoutRow }).toEqual({ unclassified: [], both: [], idTakingWithoutRow: [] })
  })

  it('should find the ids hidden in bodies (the detector itself works)', () => {
    expect(idFields(endpoints.submit.body)).toEqual(expect.arrayContaining(['draftId', 'answers.materials.idCard.materialId', 'answers.applicant.agentLetterUploadId']))
    expect(idFields(endpoints.push.body)).toEqual(expect.arrayContaining(['records.recordId', 'records.caseNumber']))
    expect(idFields(endpoints.supplement.body)).toEqual(['uploadIds', 'materialIds'])
    expect(idFields(endpoints.draftSave.body)).toEqual([])
  })
})

describe('OWASP API1: owner / other applicant / 国网万州 staff / 三峡水利 staff / 燃气 staff / 区经信委 / anonymous on every object', () => {
  it.each(ROWS.map((r) => [`${r.route} (${r.what})`, r] as const))('should answer %s exactly, and refuse a foreign id exactly like a missing one', async (_name, row) => {
    clock.advance(3600_000) // a fresh window for the lookup rate limits
    const id = await row.object()
    // the entitled caller goes last: its success may change the object
    const order = [...ACTORS].sort((a, b) => Number(row.expected[a] === 'ok') - Number(row.expected[b] === 'ok'))
    const got = {} as Record<Actor, string>
    const leaks: { actor: Actor; foreign: Answer; missing: Answer }[] = []
    for (const actor of order) {
      // the lookup limits count per number and per address: each caller gets a fresh window, or the sixth meets RATE_LIMITED
      if (row.route.startsWith('lookup')) clock.advance(3600_000)
      const foreign = await callRoute(s, row.route, await row.call(id, actor), token[actor])
      got[actor] = outcomeOf(foreign)
      if (row.expected[actor] === 'ok' && (actor === 'owner' || row.route.startsWith('staff') || row.route === 'push')) continue
      const missing = await callRoute(s, row.route, await row.call(row.missing, actor), token[actor])
      const same = row.okBodiesDiffer && foreign.status === 200 ? outcomeOf(missing) === 'ok' : JSON.stringify(missing) === JSON.stringify(foreign)
      if (!same) leaks.push({ actor, foreign, missing })
    }
    expect(got).toEqual(row.expected)
    expect(leaks).toEqual([])
  })
})
