import { startInProcess, type InProcess } from './support/in-process'
import { DEMO, clientFor, failure, signInWechat, signInYkb, type Applicant } from './support/fixtures'
import { callApi } from '../../src/lib/http/client'

let s: InProcess
let a: Applicant
beforeAll(async () => {
  s = await startInProcess()
  a = await signInYkb(s, DEMO.li)
})
afterAll(async () => { await s.close() })

const save = (who: Applicant, answers: Record<string, unknown>, version: number, page = 'address') =>
  callApi('draftSave', { body: { answers, page, version } }, who.client)

describe('drafts', () => {
  it('should answer null when the user has no draft yet', async () => {
    expect(await callApi('draftGet', {}, a.client)).toBeNull()
  })

  it('should create the draft at version 1 when saved with version 0, and return it on GET', async () => {
    const created = await save(a, { service: 'lv-business' }, 0, 'service')
    expect(created).toEqual({
      draftId: expect.stringMatching(/^d_/), answers: { service: 'lv-business' }, page: 'service', version: 1, updatedAt: expect.any(String),
    })
    expect(await callApi('draftGet', {}, a.client)).toEqual(created)
  })

  it('should bump the version and keep the same draft when saved with the current version', async () => {
    const current = (await callApi('draftGet', {}, a.client))!
    const updated = await save(a, { service: 'lv-business', load: { capacityKw: 20 } }, current.version, 'load')
    expect(updated.draftId).toBe(current.draftId)
    expect(updated.version).toBe(current.version + 1)
    expect((await callApi('draftGet', {}, a.client))?.answers).toEqual({ service: 'lv-business', load: { capacityKw: 20 } })
  })

  it('should answer CONFLICT and keep the newer content when saved with a stale version', async () => {
    const current = (await callApi('draftGet', {}, a.client))!
    const e = await failure(save(a, { service: 'resident' }, current.version - 1))
    expect([e.code, e.status]).toEqual(['CONFLICT', 409])
    expect(await callApi('draftGet', {}, a.client)).toEqual(current)
    expect((await failure(save(a, {}, 0))).code).toBe('CONFLICT')
  })

  it('should answer CONFLICT when a version other than 0 creates a draft', async () => {
    const b = await signInWechat(s, 'wx-draft-b')
    expect((await failure(save(b, {}, 3))).code).toBe('CONFLICT')
    expect(await callApi('draftGet', {}, b.client)).toBeNull()
  })

  it('should answer PAYLOAD_TOO_LARGE when the answers exceed 64 KB', async () => {
    const current = (await callApi('draftGet', {}, a.client))!
    const e = await failure(save(a, { note: 'x'.repeat(64 * 1024) }, current.version))
    expect([e.code, e.status]).toEqual(['PAYLOAD_TOO_LARGE', 413])
    expect((await callApi('draftGet', {}, a.client))?.version).toBe(current.version)
  })

  it('should ignore owner, number and state in the body (mass assignment)', async () => {
    const b = await signInWechat(s, 'wx-draft-mass')
    const body = { answers: { service: 'resident' }, page: 'p', version: 0, owner_id: a.me.userId, ownerId: a.me.userId, submitted_number: 'WZ20261126000001', state: 'accepted', draftId: 'd_x' }
    const saved = await callApi('draftSave', { body: body as never }, b.client)
    expect(Object.keys(saved).sort()).toEqual(['answers', 'draftId', 'page', 'updatedAt', 'version'])
    expect(saved.draftId).not.toBe('d_x')
    const row = s.db.prepare('SELECT owner_id, submitted_number FROM draft WHERE id = ?').get(saved.draftId)
    expect(row).toEqual({ owner_id: b.me.userId, submitted_number: null })
    expect((await callApi('draftGet', {}, a.client))?.draftId).not.toBe(saved.draftId)
  })

  it('should answer UNAUTHENTICATED without a session', async () => {
    expect((await failure(callApi('draftGet', {}, clientFor(s)))).code).toBe('UNAUTHENTICATED')
    expect((await failure(callApi('draftSave', { body: { answers: {}, page: 'p', version: 0 } }, clientFor(s)))).code).toBe('UNAUTHENTICATED')
  })
})
