// OWASP API3 (mass assignment): writes carry fields the server owns (state, number, owner, times, version, role)
// and the stored rows show the server's values, never the sent ones.
import { callApi } from '../../src/lib/http/client'
import { CONSENT_VERSION } from '../../src/contract/auth'
import type { InProcess } from './support/in-process'
import { clientFor, DEMO, shopAnswers, signedBody, submit } from './support/fixtures'
import { applicant, sample, type TestApplicant } from './support/licence-fixtures'
import { applyShop, progressSuite, walk, type Owner } from './support/progress-fixtures'
import { passwordOf, staffSignIn } from './support/staff-fixtures'
import { callRoute } from './support/actors'

const suite = progressSuite()
const { clock } = suite
let s: InProcess
let li: Owner
let other: TestApplicant
beforeAll(() => {
  ({ s, li } = suite)
  other = applicant(s)
})

const LONG_AGO = '2000-01-01T00:00:00.000Z'
/** Fields a client might try to set on any row it writes. */
const FORGED = {
  id: 'forged-id', draftId: 'd_forged', number: 'WZ20000101000001', ownerId: 'u_forged', owner_id: 'u_forged', userId: 'u_forged',
  state: 'completed', status: 'completed', submittedNumber: 'WZ20000101000001', submitted_number: 'WZ20000101000001',
  createdAt: LONG_AGO, created_at: LONG_AGO, updatedAt: LONG_AGO, updated_at: LONG_AGO, submittedAt: LONG_AGO, at: LONG_AGO,
  supplier: 'sanxia', role: 'admin', actor: 'staff:wz-admin', author: 'wz-admin', ratedAt: LONG_AGO,
}

describe('OWASP API3: drafts', () => {
  it('should take only answers and page from a draft save, whatever else is sent', async () => {
    const first = await callApi('draftSave', { body: { answers: { service: 'resident' }, page: 'service', version: 0 } }, li.client)
    clock.advance(60_000)
    const res = await callRoute(s, 'draftSave', { body: { ...FORGED, answers: { service: 'lv-business' }, page: 'address', version: first.version } }, li.headers.authorization.slice(7))
    expect(res.status).toBe(200)
    const row = s.db.prepare('SELECT id, owner_id, page, version, updated_at, submitted_number, answers_json FROM draft WHERE id = ?').get(first.draftId)
    expect(row).toEqual({
      id: first.draftId, owner_id: li.userId, page: 'address', version: first.version + 1, updated_at: clock.now().toISOString(),
      submitted_number: null, answers_json: JSON.stringify({ service: 'lv-business' }),
    })
    expect(s.db.prepare('SELECT COUNT(*) AS n FROM draft WHERE id = ? OR owner_id = ?').get('d_forged', 'u_forged')).toEqual({ n: 0 })
  })

  it('should refuse a version the client invents instead of taking it', async () => {
    const current = await callApi('draftGet', {}, li.client)
    const res = await callRoute(s, 'draftSave', { body: { answers: {}, page: 'x', version: (current?.version ?? 0) + 5 } }, li.headers.authorization.slice(7))
    expect([res.status, (res.body as { code: string }).code]).toEqual([409, 'CONFLICT'])
    expect((await callApi('draftGet', {}, li.client))?.version).toBe(current?.version)
  })
})

describe('OWASP API3: applications and their events', () => {
  it('should give a submitted application the server\'s number, owner, supplier, times and state, and store none of the extra fields', async () => {
    const draftId = (await callApi('draftGet', {}, li.client))?.draftId ?? ''
    const answers = { ...shopAnswers(li), state: 'completed', supplier: 'sanxia', applicant: { ...shopAnswers(li).applicant, idNumber: '11010519491231002X', ownerId: 'u_forged' } }
    const body = { ...FORGED, ...(await signedBody(li, draftId, shopAnswers(li))), answers }
    const receipt = await submit(li, body)
    expect(receipt.number).not.toBe(FORGED.number)
    expect(receipt.number).toMatch(/^WZ\d{14}$/)
    const row = s.db.prepare('SELECT owner_id, draft_id, supplier, submitted_at, answers_json FROM application WHERE number = ?').get(receipt.number) as Record<string, string>
    expect({ ...row, answers_json: undefined }).toEqual({ owner_id: li.userId, draft_id: draftId, supplier: 'sgcc-wanzhou', submitted_at: clock.now().toISOString(), answers_json: undefined })
    for (const forged of ['completed', 'sanxia', '11010519491231002X', 'u_forged', 'ownerId']) expect(row.answers_json).not.toContain(forged)
    expect(s.db.prepare('SELECT submitted_number FROM draft WHERE id = ?').get(draftId)).toEqual({ submitted_number: receipt.number })
    const detail = await callApi('applicationDetail', { params: { number: receipt.number } }, li.client)
    expect(detail.process.state).toBe('in-progress')
  })

  it('should record a withdrawal with the server\'s actor and time', async () => {
    const number = await applyShop(li)
    clock.advance(60_000)
    const res = await callRoute(s, 'withdraw', { params: { number }, body: { ...FORGED, reason: '不再需要用电' } }, li.headers.authorization.slice(7))
    expect(res.status).toBe(200)
    const last = s.db.prepare('SELECT type, actor, at, corrects_id FROM application_event WHERE application_number = ? ORDER BY id DESC LIMIT 1').get(number)
    expect(last).toEqual({ type: 'withdrawn', actor: `applicant:${li.userId}`, at: clock.now().toISOString(), corrects_id: null })
  })

  it('should store a rating with the server\'s owner and time', async () => {
    const number = await applyShop(li)
    await walk(s, clock, number)
    const res = await callRoute(s, 'rate', { params: { number }, body: { ...FORGED, grade: 4, application_number: 'WZ20000101000001' } }, li.headers.authorization.slice(7))
    expect(res.status).toBe(200)
    expect(s.db.prepare('SELECT application_number, owner_id, grade, rated_at FROM rating WHERE application_number = ?').get(number))
      .toEqual({ application_number: number, owner_id: li.userId, grade: 4, rated_at: clock.now().toISOString() })
  })
})

describe('OWASP API3: accounts', () => {
  it('should record consent at the server\'s time for the signed-in user only', async () => {
    const a = applicant(s, { consent: false })
    const read = s.db.prepare('SELECT consent_version, consent_at FROM app_user WHERE id = ?')
    const othersBefore = read.get(other.userId)
    clock.advance(60_000)
    const res = await callRoute(s, 'consent', { body: { ...FORGED, version: CONSENT_VERSION, granted: true, userId: other.userId, consentAt: LONG_AGO } }, a.headers.authorization.slice(7))
    expect(res.status).toBe(200)
    expect(read.get(a.userId)).toEqual({ consent_version: CONSENT_VERSION, consent_at: clock.now().toISOString() })
    expect(read.get(other.userId)).toEqual(othersBefore)
  })

  it('should not sign a WeChat login in as the user named in the body', async () => {
    const r = await callRoute(s, 'loginWechat', { body: { code: 'wx-mass-assign', userId: li.userId, ykbIdentityId: DEMO.li, via: 'ykb' } })
    const me = (r.body as { data: { me: { userId: string; via: string } } }).data.me
    expect([me.userId === li.userId, me.via]).toEqual([false, 'wechat'])
  })

  it('should give a staff member the role and enterprise of the account, not of the request', async () => {
    const r = await callRoute(s, 'staffLogin', { body: { username: 'gw-kefu', password: passwordOf('gw-kefu'), role: 'admin', supplier: null } })
    expect((r.body as { data: { staff: unknown } }).data.staff).toEqual({ username: 'gw-kefu', displayName: '国网万州客服（演示）', role: 'agent', supplier: 'sgcc-wanzhou' })
    const me = await callApi('staffMe', {}, clientFor(s, (r.body as { data: { session: { token: string } } }).data.session.token))
    expect(me.role).toBe('agent')
  })

  it('should write a staff note with the signed-in author and the server\'s time', async () => {
    const number = await applyShop(li)
    const gw = await staffSignIn(s, 'gw-kefu')
    const res = await callRoute(s, 'staffNote', { params: { number }, body: { ...FORGED, text: '已电话联系' } }, gw.token)
    expect(res.status).toBe(200)
    expect(s.db.prepare('SELECT author, text, at FROM staff_note WHERE application_number = ?').all(number))
      .toEqual([{ author: 'gw-kefu', text: '已电话联系', at: clock.now().toISOString() }])
  })

  it('should store an upload for the signed-in user whatever owner the form names', async () => {
    const a = applicant(s)
    const body = new FormData()
    body.append('owner_id', li.userId)
    body.append('file', new Blob([new Uint8Array(sample('png'))], { type: 'image/png' }), 'x.png')
    const res = await fetch(`${s.url}/api/uploads`, { method: 'POST', body, headers: a.headers })
    const id = ((await res.json()) as { data: { uploadId: string } }).data.uploadId
    expect(s.db.prepare('SELECT owner_id FROM upload WHERE id = ?').get(id)).toEqual({ owner_id: a.userId })
  })
})
