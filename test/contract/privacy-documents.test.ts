// Privacy of document images (PIPL Art. 51; domain.md section 10): stored as files outside the database, readable
// only by the owner's process and by staff of the owning enterprise (each opening logged), deleted with a
// discarded draft, and kept with a submitted case — withdrawn or not — as its evidence.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { callApi } from '../../src/lib/http/client'
import { owner, applyShop, type Owner } from './support/progress-fixtures'
import { startInProcess, type InProcess } from './support/in-process'
import { DEMO, makeClock, newDraft, shopAnswers } from './support/fixtures'
import { applicant, demoImage, sample, uploaded } from './support/licence-fixtures'
import { accessRows, applyShopWithPhoto, rawGet, staffSignIn } from './support/staff-fixtures'
import { callRoute } from './support/actors'

const clock = makeClock('2026-11-26T02:00:00Z')
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wz-privacy-docs-'))
const uploadsDir = path.join(dir, 'uploads')
let s: InProcess
let li: Owner
const staff: Record<string, string> = {}
beforeAll(async () => {
  s = await startInProcess({ now: clock.now, uploadsDir })
  li = await owner(s, DEMO.li)
  for (const who of ['gw-kefu', 'sx-kefu', 'wz-admin'] as const) staff[who] = (await staffSignIn(s, who)).token
})
afterAll(async () => { await s.close(); fs.rmSync(dir, { recursive: true, force: true }) })

const onDisk = (id: string) => fs.existsSync(path.join(uploadsDir, id))
const row = (table: 'upload' | 'material', id: string) => s.db.prepare(`SELECT id FROM ${table} WHERE id = ?`).get(id)
const discard = () => callRoute(s, 'draftDiscard', {}, li.headers.authorization.slice(7))

describe('privacy: where document images live', () => {
  it('should store each upload as a file readable by the server\'s user only, under a random name', async () => {
    const id = await uploaded(s, li, sample('jpeg', 'mode-check'), '张三身份证.jpg')
    const stat = fs.statSync(path.join(uploadsDir, id))
    expect((stat.mode & 0o777).toString(8)).toBe('600')
    expect(id).toMatch(/^up_[A-Za-z0-9_-]{16}$/)
  })

  it('should serve no file to applicants at all: there is no applicant route for stored files', async () => {
    const id = await uploaded(s, li, sample('png'))
    for (const p of [`/api/uploads/${id}`, `/api/staff/uploads/${id}`]) {
      const res = await rawGet(s, p, li.headers.authorization.slice(7))
      expect([p, res.status]).toEqual([p, p.includes('staff') ? 403 : 404])
    }
  })
})

describe('privacy: discarding a draft deletes its documents', () => {
  it('should delete the draft, its photo material and every upload only it refers to, on disk and in the database', async () => {
    // evidence of a submitted case: a photo property proof, reused by the new draft
    const { number, uploadId: evidence } = await applyShopWithPhoto(s, li)
    const usedMaterial = (JSON.parse((s.db.prepare('SELECT answers_json FROM application WHERE number = ?').get(number) as { answers_json: string }).answers_json) as ReturnType<typeof shopAnswers>).materials.property?.materialId ?? ''
    const front = await uploaded(s, li, await demoImage(s, 'front'))
    const back = await uploaded(s, li, await demoImage(s, 'back'))
    const photo = await callApi('photoIdCard', { body: { frontUploadId: front, backUploadId: back } }, li.client)
    const letter = await uploaded(s, li, sample('pdf', 'letter'))
    const approval = await uploaded(s, li, sample('pdf', 'approval'))
    const answers = shopAnswers({ idCard: photo.materialId, property: usedMaterial })
    await newDraft(li, { ...answers, applicant: { ...answers.applicant, role: 'agent', agentLetterUploadId: letter }, materials: { ...answers.materials, projectApprovalUploadId: approval } })
    for (const id of [front, back, letter, approval, evidence]) expect([id, onDisk(id)]).toEqual([id, true])

    const res = await discard()
    expect([res.status, (res.body as { data: unknown }).data]).toEqual([200, { discarded: true, deletedUploads: 4 }])
    for (const id of [front, back, letter, approval]) expect([id, onDisk(id), row('upload', id)]).toEqual([id, false, undefined])
    expect(row('material', photo.materialId)).toBeUndefined()
    expect(await callApi('draftGet', {}, li.client)).toBeNull()
    // the submitted case keeps its evidence, and staff of its enterprise can still open it
    expect([onDisk(evidence), row('material', usedMaterial)]).toEqual([true, { id: usedMaterial }])
    expect((await rawGet(s, `/api/staff/uploads/${evidence}`, staff['gw-kefu'])).status).toBe(200)
  })

  it('should answer that there was nothing to discard, and delete nothing, when there is no draft', async () => {
    const before = fs.readdirSync(uploadsDir).length
    expect((await discard()).body).toEqual({ code: '00', msg: '成功', data: { discarded: false, deletedUploads: 0 } })
    expect(fs.readdirSync(uploadsDir).length).toBe(before)
  })

  it('should never delete another applicant\'s uploads named in a draft', async () => {
    const theirs = await uploaded(s, applicant(s), sample('png', 'theirs'))
    await newDraft(li, { applicant: { agentLetterUploadId: theirs } })
    expect((await discard()).body).toMatchObject({ data: { discarded: true, deletedUploads: 0 } })
    expect([onDisk(theirs), row('upload', theirs)]).toEqual([true, { id: theirs }])
  })
})

describe('privacy: documents of submitted cases', () => {
  it('should keep a withdrawn case\'s documents as evidence, served to its enterprise\'s staff and logged', async () => {
    const { number, uploadId } = await applyShopWithPhoto(s, li)
    await callApi('withdraw', { params: { number }, body: { reason: '不再需要用电' } }, li.client)
    expect(onDisk(uploadId)).toBe(true)
    const before = accessRows(s).length
    expect((await rawGet(s, `/api/staff/uploads/${uploadId}`, staff['gw-kefu'])).status).toBe(200)
    expect((await rawGet(s, `/api/staff/uploads/${uploadId}`, staff['wz-admin'])).status).toBe(200)
    const refused = await rawGet(s, `/api/staff/uploads/${uploadId}`, staff['sx-kefu'])
    expect([refused.status, ((await refused.json()) as { code: string }).code]).toEqual([404, 'NOT_FOUND'])
    expect(accessRows(s).slice(before)).toEqual(['gw-kefu', 'wz-admin'].map((who) => ({ staff: who, action: 'upload', target: uploadId, detail: `查看申请${number}的上传文件` })))
  })

  it('should not serve an upload no case refers to, even to staff in scope', async () => {
    await applyShop(li)
    const loose = await uploaded(s, li, sample('jpeg', 'loose'))
    const before = accessRows(s).length
    for (const who of ['gw-kefu', 'wz-admin']) expect((await rawGet(s, `/api/staff/uploads/${loose}`, staff[who])).status).toBe(404)
    expect(accessRows(s).length).toBe(before)
  })
})
