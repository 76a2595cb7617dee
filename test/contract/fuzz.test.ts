// Property-based fuzzing of every HTTP endpoint from its contract (issue 6, "Hostile and malformed input"):
// generated wrong types, missing and extra fields, huge strings, odd Unicode, invalid dates, out-of-range numbers,
// malformed JSON, wrong content types and odd path and query parameters, sent with raw fetch anonymously, with a
// valid session and with the wrong kind of session. Every answer must be a documented 4xx in the envelope (or a
// 2xx that keeps to the response schema where the contract calls the input valid), never a 5xx, without a stack
// trace, and a refused request must store nothing. FUZZ_SEED replays a run, FUZZ_RUNS sets the cases per route.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { EndpointId, ErrorCode } from '../../src/contract'
import { CONSENT_VERSION } from '../../src/contract/auth'
import { ROUTES } from '../../src/contract/routes'
import type { AnswersInput } from '../../src/contract/answers'
import { callApi } from '../../src/lib/http/client'
import { issueLookupToken } from '../../mock/lookup/tokens'
import { PUSH_HEADERS, pushSignature, newNonce } from '../../mock/push/signing'
import { startInProcess, type InProcess } from './support/in-process'
import { CALLBACK, DEMO, makeClock, newDraft, shopAnswers, signedBody } from './support/fixtures'
import { holderCode, sample, uploaded } from './support/licence-fixtures'
import { applyShop, askProperty, owner, push, pushClient, rec, type Owner } from './support/progress-fixtures'
import { applyShopWithPhoto, staffSignIn } from './support/staff-fixtures'
import type { Tokens } from './support/fuzz-contract'
import { checkRefusal, expectHealthy, type FuzzRequest } from './support/fuzz-http'
import { fuzzRoute, runCase, RUNS, SEED, tally, unlisted, type RouteSpec } from './support/fuzz-run'
import { fuzzMultipart, fuzzPages, PAGE_ROUTES } from './support/fuzz-pages'
import { fuzzSimApi, fuzzSimSwitches, type SimRoute } from './support/fuzz-sim'
import { DEMO_YKB_APP } from '../../mock/config'
import { LICENCE_TYPES } from '../../mock/seed/demo-data'
import { createTxn as createYkbTxn } from '../../mock/ykb/sim-show'
import { simIdentity } from '../../mock/ykb/sim-store'
import { BUSINESS, inviteOwner, leadBody } from './support/lead-fixtures'

jest.setTimeout(60_000)
const started = Date.now()
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wz-fuzz-'))
const start = (name: string) => startInProcess({ uploadsDir: path.join(dir, name) })

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true })
  const line = tally.summary(SEED, (Date.now() - started) / 1000)
  const notes = [...unlisted].map(([route, codes]) => `note: ${route} answered ${[...codes].join(', ')}, not listed in its errors`)
  // FUZZ_DETAIL=1: what each route answered, to see that validation behind sign-in is reached
  if (process.env.FUZZ_DETAIL) notes.push(...[...tally.routes].map(([route, codes]) => `${route}: ${[...codes].map(([c, n]) => `${c}×${n}`).join(', ')}`))
  fs.mkdirSync(path.join(__dirname, '..', 'output'), { recursive: true })
  fs.writeFileSync(path.join(__dirname, '..', 'output', 'fuzz-summary.txt'), [line, ...notes].join('\n') + '\n')
  // eslint-disable-next-line no-console
  console.log(line)
})

/** Routes fuzzed by the describes below; a route added to the contract must be added here too. */
const FUZZED: EndpointId[] = []

it('should fuzz every route in src/contract/routes.ts', () => {
  expect([...FUZZED].sort()).toEqual(Object.keys(ROUTES).sort())
})

describe('public and applicant routes', () => {
  let s: InProcess
  let li: Owner
  const x: Record<string, string> = {}
  beforeAll(async () => {
    s = await start('applicant')
    li = await owner(s, DEMO.li)
    x.number = await applyShop(li)
    // a second case with a supplement request open, so supplement input is checked past the state check
    x.supplementable = await applyShop(li)
    await push(s, makeClock(new Date().toISOString()), [rec(x.supplementable, 'supplement-request', 'accept-sign', askProperty(makeClock(new Date().toISOString()), '请补充租赁合同'))])
    x.uploadId = await uploaded(s, li, sample('jpeg', 'fuzz'))
    x.draftId = await newDraft(li)
    x.qr = await holderCode(s, DEMO.wang, 'id-card')
    x.txnId = (await callApi('scanBegin', { body: { qr: x.qr, expect: 'id-card' } }, li.client)).txnId
    x.lookupToken = issueLookupToken(s.db, x.number, new Date()).lookupToken
    // a case with a complaint answered by its enterprise, so closing it is checked past the state check
    x.complained = await applyShop(li)
    x.complaint = (await callApi('complain', { params: { number: x.complained }, body: { text: '超过时限仍未接电，请尽快处理' } }, li.client)).complaints[0].id
    const gw = await staffSignIn(s, 'gw-kefu')
    await callApi('staffAnswerComplaint', { params: { number: x.complained, complaintId: x.complaint }, body: { text: '已安排明天上午接电' } }, gw.client)
    x.invitation = await inviteOwner(s, BUSINESS.li)
    x.declinable = await inviteOwner(s, BUSINESS.wang)
    x.contractHash = (await callApi('invitations', {}, li.client)).invitations[0].contract.hash
  })
  afterAll(async () => { await s.close() })

  const token = () => s.sessions.create('applicant', li.userId).token
  let applicantToken = ''
  const tokens = (fresh = false): Tokens => ({
    valid: () => (fresh ? token() : (applicantToken ||= token())),
    wrongKind: () => s.sessions.create('staff', 'wz-admin').token,
  })
  const restoreConsent = () => { s.db.prepare('UPDATE app_user SET consent_version = ?, consent_at = ? WHERE id = ?').run(CONSENT_VERSION, new Date().toISOString(), li.userId) }
  const num = () => ({ number: [x.number] })
  let submitBody: unknown
  /** a shop's answers with every optional field that has a format of its own (a date, a location) */
  const answers = (): AnswersInput => {
    const a = shopAnswers(li)
    return { ...a, address: { ...a.address, location: { latitude: 30.8, longitude: 108.4, name: '演示街' } }, load: { ...a.load, desiredDate: '2026-12-21' } }
  }

  const specs: RouteSpec[] = [
    { id: 'health', sample: () => ({}) },
    { id: 'services', sample: () => ({}) },
    { id: 'calendar', sample: () => ({ query: { from: '2026' } }) },
    { id: 'townships', sample: () => ({}) },
    { id: 'publicTimes', sample: () => ({}) },
    { id: 'loginWechat', sample: () => ({ body: { code: 'wx-fuzz-code' } }) },
    { id: 'loginYkb', sample: () => ({ body: { code: 'not-an-issued-code' } }) },
    { id: 'refresh', sample: () => ({ body: { refreshToken: 'not-an-issued-refresh-token' } }) },
    { id: 'me', sample: () => ({}) },
    { id: 'consent', sample: () => ({ body: { version: CONSENT_VERSION, granted: true } }), after: restoreConsent },
    { id: 'licencesAuthorised', sample: () => ({ body: { kinds: ['id-card', 'property'], useCause: '办理用电报装' } }) },
    { id: 'scanBegin', sample: () => ({ body: { qr: x.qr, expect: 'id-card' } }) },
    { id: 'scanStatus', sample: () => ({ params: { txnId: [x.txnId] } }) },
    { id: 'ocrIdCard', sample: () => ({ body: { uploadId: x.uploadId, side: 'front' } }) },
    { id: 'photoIdCard', sample: () => ({ body: { frontUploadId: x.uploadId, backUploadId: x.uploadId, typed: { name: '李明远', idNumber: '500101199001011234' } } }) },
    { id: 'photoProperty', sample: () => ({ body: { uploadId: x.uploadId } }) },
    { id: 'draftGet', sample: () => ({}) },
    { id: 'draftSave', sample: () => ({ body: { answers: { service: 'lv-business' }, page: 'check', version: 1 } }) },
    { id: 'contractSummary', sample: () => ({ body: { answers: answers() } }) },
    { id: 'submit', sample: () => ({ body: submitBody, headers: { 'Idempotency-Key': 'fuzz-submit-key-0001' } }) },
    { id: 'receipt', sample: () => ({ params: num() }) },
    { id: 'myApplications', sample: () => ({}) },
    { id: 'applicationDetail', sample: () => ({ params: num() }) },
    { id: 'applicationVersion', sample: () => ({ params: num() }) },
    { id: 'supplement', sample: () => ({ params: { number: [x.supplementable] }, body: { uploadIds: [x.uploadId], note: '补正材料' } }) },
    { id: 'dispute', sample: () => ({ params: { number: [x.supplementable] }, body: { kind: 'done', note: '已经提交过租赁合同' } }) },
    { id: 'checkpointMaterials', sample: () => ({ params: num(), body: { stage: 'design-review', files: { 'design-qualification': [x.uploadId] } } }) },
    { id: 'rate', sample: () => ({ params: num(), body: { grade: 5, indicators: { 整体满意度: 5 }, comment: '办理很快' } }) },
    { id: 'subscribe', sample: () => ({ params: num(), body: { accepted: ['tmpl-progress'] } }) },
    { id: 'complain', sample: () => ({ params: num(), body: { text: '超过时限仍未接电，请尽快处理' } }) },
    { id: 'closeComplaint', sample: () => ({ params: { number: [x.complained], complaintId: [x.complaint] }, body: {} }) },
    { id: 'contractPdf', sample: () => ({ params: num() }) },
    { id: 'propertyProof', sample: () => ({ params: num(), body: { materialId: li.property } }) },
    { id: 'lookupCode', sample: () => ({ body: { number: x.number, mobile: '13800138000' } }) },
    { id: 'lookup', sample: () => ({ body: { number: x.number, mobile: '13800138000', code: '123456' } }) },
    { id: 'lookupRefresh', sample: () => ({ params: num(), headers: { 'x-lookup-token': x.lookupToken } }) },
    { id: 'lookupVersion', sample: () => ({ params: num(), headers: { 'x-lookup-token': x.lookupToken } }) },
    { id: 'draftDiscard', sample: () => ({}) },
    { id: 'withdraw', sample: () => ({ params: num(), body: { reason: '不再需要用电' } }) },
    { id: 'invitations', sample: () => ({}) },
    { id: 'invitationAccept', sample: () => ({ params: { id: [x.invitation] }, body: { contractHash: x.contractHash } }) },
    { id: 'invitationDecline', sample: () => ({ params: { id: [x.declinable] }, body: { reason: '暂不需要' } }) },
  ]

  FUZZED.push(...specs.map((spec) => spec.id), 'logout', 'upload')
  it.each(specs.map((spec) => [`${ROUTES[spec.id].method} ${ROUTES[spec.id].path}`, spec] as const))('should answer hostile input to %s with a documented 4xx or a valid answer', async (_name, spec) => {
    if (spec.id === 'submit') submitBody = await signedBody(li, x.draftId, answers())
    await fuzzRoute(s, spec, tokens())
    await expectHealthy(s)
  })

  it('should refuse hostile input to POST /api/auth/logout (a fresh session each case)', async () => {
    await fuzzRoute(s, { id: 'logout', sample: () => ({ body: {} }) }, tokens(true))
    await expectHealthy(s)
  })

  // Inputs the fuzzer found answering 5xx or outside the envelope, kept as fixed examples.
  describe('regressions', () => {
    const refuses = async (id: EndpointId, r: Omit<FuzzRequest, 'note'>, code: ErrorCode, field?: string) => {
      let body: { code?: string; errors?: { path: string }[] } = {}
      await runCase(s, `${ROUTES[id].method} ${ROUTES[id].path}`, { ...r, note: 'regression' }, (a) => {
        body = JSON.parse(a.text) as typeof body
        return checkRefusal({ ...r, note: 'regression' }, a, [code])
      })
      expect(body.code).toBe(code)
      if (field) expect(body.errors?.map((e) => e.path)).toEqual([field])
    }
    const auth = () => ({ authorization: `Bearer ${tokens().valid()}` })

    it('should refuse draft answers nested 5,000 deep with VALIDATION_FAILED, not overflow the stack (was 500)', async () => {
      const body = `{"answers":{"a":${'['.repeat(5000)}${']'.repeat(5000)}},"page":"check","version":1}`
      await refuses('draftSave', { method: 'PUT', path: ROUTES.draftSave.path, headers: { ...auth(), 'content-type': 'application/json' }, body }, 'VALIDATION_FAILED', 'answers')
    })

    it('should refuse a multipart upload without a boundary with BAD_REQUEST (was 500)', async () => {
      await refuses('upload', { method: 'POST', path: ROUTES.upload.path, headers: { ...auth(), 'content-type': 'multipart/form-data' }, body: '--x\r\n\r\n' }, 'BAD_REQUEST')
    })

    it('should answer a malformed percent-escape in the path in the envelope (was Fastify\'s own FST_ERR_BAD_URL body)', async () => {
      await refuses('applicationDetail', { method: 'GET', path: '/api/applications/%E0%A4%A', headers: auth() }, 'BAD_REQUEST')
    })

    it('should answer a path parameter over 100 characters in the envelope (was a 414 with FST_ERR_MAX_PARAM_LENGTH)', async () => {
      await refuses('scanStatus', { method: 'GET', path: `/api/licences/scan/${'x'.repeat(101)}`, headers: auth() }, 'BAD_REQUEST')
    })

    it('should answer a request line over 16 KB in the envelope (was a 431 outside it)', async () => {
      await refuses('calendar', { method: 'GET', path: ROUTES.calendar.path, query: `from=${'%E2%80%8B'.repeat(3000)}`, headers: {} }, 'PAYLOAD_TOO_LARGE')
    })
  })

  it('should refuse hostile multipart uploads to POST /api/uploads', async () => {
    await fuzzMultipart(s, tokens(), path.join(dir, 'applicant'))
    await expectHealthy(s)
  })
})

describe('staff routes', () => {
  let s: InProcess
  const x: Record<string, string> = {}
  const staffTokens: string[] = []
  beforeAll(async () => {
    s = await start('staff')
    const li = await owner(s, DEMO.li)
    const photo = await applyShopWithPhoto(s, li)
    Object.assign(x, photo)
    x.lockout = String(s.db.prepare("INSERT INTO staff_lockout (username, client_ip, failures, locks, locked_until, last_failure_at) VALUES ('gw-kefu', '192.0.2.9', 0, 1, '2099-01-01T00:00:00.000Z', ?)")
      .run(new Date().toISOString()).lastInsertRowid)
    staffTokens.push((await staffSignIn(s, 'wz-admin')).token, (await staffSignIn(s, 'gw-banzhang')).token, (await staffSignIn(s, 'gw-kefu')).token, (await staffSignIn(s, 'wz-jxw')).token)
    x.applicant = s.sessions.create('applicant', li.userId).token
    x.complaint = (await callApi('complain', { params: { number: x.number }, body: { text: '超过时限仍未接电，请尽快处理' } }, li.client)).complaints[0].id
  })
  afterAll(async () => { await s.close() })

  let turn = 0
  const tokens = (fresh = false): Tokens => ({
    valid: () => (fresh ? s.sessions.create('staff', 'wz-admin').token : staffTokens[turn++ % staffTokens.length]),
    wrongKind: () => x.applicant,
  })
  const num = () => ({ number: [x.number] })
  const specs: RouteSpec[] = [
    // a refused sign-in counts a failure for its (account, address) by design
    { id: 'staffLogin', sample: () => ({ body: { username: 'no-such-staff', password: 'not-the-password' } }), ignoreTables: ['staff_lockout'] },
    { id: 'staffMe', sample: () => ({}) },
    {
      id: 'staffSearch',
      sample: () => ({ query: {
        q: x.number, service: 'lv-business', township: '500101138', stage: 'accept-sign', state: 'due-soon', dueWithin: '5',
        from: '2026-01-01', to: '2026-12-31', supplier: 'sgcc-wanzhou', page: '1', pageSize: '20',
      } }),
    },
    { id: 'staffCase', sample: () => ({ params: num() }) },
    { id: 'staffReveal', sample: () => ({ params: num(), body: { field: 'mobile', reason: '回访核对' } }) },
    { id: 'staffNote', sample: () => ({ params: num(), body: { text: '已电话联系申请人' } }) },
    { id: 'staffUrge', sample: () => ({ params: num(), body: { message: '请尽快安排现场勘查' } }) },
    { id: 'staffExternalWorks', sample: () => ({ params: num(), body: { needed: true, note: '现场勘查：需新建线路' } }) },
    { id: 'staffAnswerComplaint', sample: () => ({ params: { number: [x.number], complaintId: [x.complaint] }, body: { text: '已安排明天上午接电' } }) },
    { id: 'staffFollowUp', sample: () => ({ params: num(), body: { note: '已电话回访申请人' } }) },
    { id: 'staffReassign', sample: () => ({ params: num(), body: { to: 'sanxia', reason: '地址属三峡水利供区' } }) },
    { id: 'staffDashboard', sample: () => ({ query: { month: '2026-11' } }) },
    { id: 'staffReportCsv', sample: () => ({ query: { month: '2026-11' } }) },
    { id: 'staffUpload', sample: () => ({ params: { uploadId: [x.uploadId] } }) },
    { id: 'staffContractPdf', sample: () => ({ params: num() }) },
    { id: 'staffAccessLog', sample: () => ({ query: { page: '1' } }) },
    { id: 'staffLockouts', sample: () => ({}) },
    { id: 'staffLockoutClear', sample: () => ({ params: { id: [x.lockout] } }) },
    { id: 'oversightMonth', sample: () => ({ query: { month: '2026-11' } }) },
    { id: 'oversightTrend', sample: () => ({ query: { to: '2026-11' } }) },
    { id: 'oversightCsv', sample: () => ({ query: { month: '2026-11' } }) },
    { id: 'oversightReports', sample: () => ({ query: { month: '2026-11' } }) },
    { id: 'staffSubmitReport', sample: () => ({ body: { month: '2026-10' } }) },
    { id: 'staffLeadRegister', sample: () => ({ body: leadBody(BUSINESS.li) }) },
    { id: 'staffLeads', sample: () => ({}) },
    { id: 'staffOwnReport', sample: () => ({ query: { month: '2026-10' } }) },
  ]

  FUZZED.push(...specs.map((spec) => spec.id), 'staffLogout')
  it.each(specs.map((spec) => [`${ROUTES[spec.id].method} ${ROUTES[spec.id].path}`, spec] as const))('should answer hostile input to %s with a documented 4xx or a valid answer', async (_name, spec) => {
    await fuzzRoute(s, spec, tokens())
    await expectHealthy(s)
  })

  it('should refuse hostile input to POST /api/staff/logout (a fresh session each case)', async () => {
    await fuzzRoute(s, { id: 'staffLogout', sample: () => ({ body: {} }) }, tokens(true))
    await expectHealthy(s)
  })
})

describe('signed push of case records', () => {
  let s: InProcess
  let number = ''
  beforeAll(async () => {
    s = await start('push')
    number = await applyShop(await owner(s, DEMO.li))
  })
  afterAll(async () => { await s.close() })

  /** The push headers for `text`; with `spoil`, one of them (chosen by its length) carries that value instead. */
  const sign = (text: string, spoil?: string): Record<string, string> => {
    const client = pushClient(s)
    const timestamp = String(Date.now())
    const nonce = newNonce()
    const headers: Record<string, string> = {
      [PUSH_HEADERS.appKey]: client.appKey, [PUSH_HEADERS.timestamp]: timestamp, [PUSH_HEADERS.nonce]: nonce,
      [PUSH_HEADERS.signature]: pushSignature(client.secret, timestamp, nonce, text),
    }
    if (spoil !== undefined) headers[Object.values(PUSH_HEADERS)[spoil.length % 4]] = spoil
    return headers
  }

  FUZZED.push('push')
  it(`should refuse hostile input to ${ROUTES.push.method} ${ROUTES.push.path}, signed and unsigned`, async () => {
    const tokens: Tokens = { valid: () => '', wrongKind: () => s.sessions.create('applicant', 'u_nobody').token }
    const spec: RouteSpec = {
      id: 'push' satisfies EndpointId, sign,
      sample: () => ({ body: { records: [rec(number, 'stage-finish', 'accept-sign', { opinion: '身份和物权已核验' })] } }),
      // a correctly signed request spends its nonce even when its body is refused: that is the replay protection
      ignoreTables: ['push_nonce'],
    }
    await fuzzRoute(s, spec, tokens, RUNS * 2)
    await expectHealthy(s)
  })
})

describe('mock 渝快办 pages (HTML and form posts)', () => {
  let s: InProcess
  beforeAll(async () => { s = await start('pages') })
  afterAll(async () => { await s.close() })

  it.each(['toString', 'base,constructor', '__proto__'])('should refuse the scope %s on the consent page with 400, not take an inherited name (was 500)', async (scope) => {
    for (const method of ['GET', 'POST'] as const) {
      const fields = new URLSearchParams({ redirect_uri: CALLBACK, state: 'st-1', scope, identity: DEMO.li, decision: 'allow' }).toString()
      const r: FuzzRequest = method === 'GET'
        ? { method, path: '/ykb/authorize', query: fields, headers: {}, note: 'regression' }
        : { method, path: '/ykb/authorize', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: fields, note: 'regression' }
      let answer = { status: 0, type: '', text: '' }
      await runCase(s, `${method} /ykb/authorize`, r, (a) => { answer = { status: a.status, type: a.contentType, text: a.text }; return undefined })
      expect([answer.status, answer.type.split(';')[0]]).toEqual([400, 'text/html'])
      expect(answer.text).toContain('授权范围（scope）无法识别')
    }
  })

  it.each(PAGE_ROUTES.map((r) => [`${r.method} ${r.path}`, r] as const))('should answer hostile input to %s without a server error', async (_name, r) => {
    await fuzzPages(s, r)
    await expectHealthy(s)
  })
})

describe('the 渝快办 simulator\'s API (what our gateway calls) and its switches', () => {
  let s: InProcess
  beforeAll(async () => { s = await start('sim') })
  afterAll(async () => { await s.close() })

  const sim = () => s.ykbSim!
  const token = () => sim().grantFor(DEMO.li, DEMO_YKB_APP.appKey).accessToken
  const txn = () => createYkbTxn(sim().db, { appKey: DEMO_YKB_APP.appKey, identityId: DEMO.li, kind: 'id-card', useCause: '用电报装', requester: '王*', now: new Date() }).id
  const routes: SimRoute[] = [
    { method: 'POST', path: '/oauth/token', body: () => ({ code: 'not-a-code-0000' }) },
    { method: 'GET', path: '/user/identity', token: true },
    { method: 'POST', path: '/licences/query', token: true, body: () => ({ holderIdNumber: simIdentity(sim().db, DEMO.li)!.id_number, typeCodes: [LICENCE_TYPES.idCard.code], useCause: '办理用电报装' }) },
    { method: 'POST', path: '/licences/by-certificate', body: () => ({ unitNo: '500101001GB00001F00010001', certNo: '渝(2023)万州区不动产权第0000001号', useCause: '用电报装' }) },
    { method: 'GET', path: '/licences/:identifier/file', token: true, param: () => 'unknown-licence' },
    { method: 'POST', path: '/show-txns', body: () => ({ showCode: 'YKBLZ1:id-card:AAAAAAAAAAAAAAAAAAAAAAAA', useCause: '用电报装', requester: '王*' }) },
    { method: 'GET', path: '/show-txns/:txnId', param: txn },
    { method: 'GET', path: '/show-txns/:txnId/licence', param: txn },
  ]

  it.each(routes.map((r) => [`${r.method} ${r.path}`, r] as const))('should answer hostile input to %s in its envelope, never a server error', async (_name, r) => {
    await fuzzSimApi(s, r, token)
    await expectHealthy(s)
  })

  it('should take or refuse the switches, never more', async () => {
    await fuzzSimSwitches(s)
    await expectHealthy(s)
  })
})

// Runs after the describes above (Jest keeps a file's order): every refusal they met is a documented code.
describe('the contract documents what the fuzzed routes answered', () => {
  it('should list every code a route answered in that route\'s errors (documentedErrors)', () => {
    expect([...unlisted].map(([route, codes]) => `${route}: ${[...codes].join(', ')}`)).toEqual([])
  })
})
