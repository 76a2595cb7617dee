import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startInProcess, type InProcess } from './support/in-process'
import { DEMO, failure } from './support/fixtures'
import { applicant, demoImage, sample, upload, uploaded } from './support/licence-fixtures'
import { callApi } from '../../src/lib/http/client'
import { maskId } from '../../src/core/masking'
import { photoIdCard } from '../../mock/licences/photo-materials'
import { MAX_UPLOAD_BYTES } from '../../mock/licences/uploads'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wz-uploads-test-'))
const uploadsDir = path.join(dir, 'uploads')
let s: InProcess
beforeAll(async () => { s = await startInProcess({ dbFile: path.join(dir, 'db', 'test.db'), uploadsDir }) })
afterAll(async () => { await s.close(); fs.rmSync(dir, { recursive: true, force: true }) })

const wangId = () => (s.db.prepare('SELECT id_number FROM ykb_identity WHERE id = ?').get(DEMO.wang) as { id_number: string }).id_number

describe('POST /api/uploads', () => {
  it.each([['jpeg', 'image/jpeg'], ['png', 'image/png'], ['pdf', 'application/pdf']] as const)('should accept a %s file and type it by content', async (kind, mime) => {
    const bytes = sample(kind)
    const r = await upload(s, applicant(s), bytes, `x.${kind}`, 'application/octet-stream')
    expect(r.status).toBe(200)
    expect(r.body.data).toEqual({ uploadId: expect.stringMatching(/^up_[A-Za-z0-9_-]+$/), mime, size: bytes.length })
  })

  it('should still call a PNG a PNG when it is named and declared as a PDF', async () => {
    const r = await upload(s, applicant(s), sample('png'), 'scan.pdf', 'application/pdf')
    expect(r.body.data?.mime).toBe('image/png')
  })

  it('should refuse with UPLOAD_TYPE when a text file is named x.jpg', async () => {
    const r = await upload(s, applicant(s), Buffer.from('just some text, not a photo'), 'x.jpg', 'image/jpeg')
    expect([r.status, r.body.code, r.body.msg]).toEqual([415, 'UPLOAD_TYPE', '只支持JPG、PNG图片或PDF文件'])
  })

  it('should refuse with UPLOAD_EMPTY when the file has no bytes', async () => {
    const r = await upload(s, applicant(s), new Uint8Array(0))
    expect([r.status, r.body.code]).toEqual([400, 'UPLOAD_EMPTY'])
  })

  it('should accept exactly 5 MB and refuse 5 MB + 1 byte (and more) with UPLOAD_TOO_LARGE', async () => {
    const a = applicant(s)
    expect((await upload(s, a, sample('jpeg', 'big', MAX_UPLOAD_BYTES))).body.data?.size).toBe(MAX_UPLOAD_BYTES)
    for (const size of [MAX_UPLOAD_BYTES + 1, MAX_UPLOAD_BYTES + 1024 * 1024]) {
      const r = await upload(s, a, sample('jpeg', 'big', size))
      expect([size, r.status, r.body.code]).toEqual([size, 413, 'UPLOAD_TOO_LARGE'])
    }
  })

  it('should store the bytes under a random id in uploadsDir, not in the database, whatever the file name', async () => {
    const before = new Set(fs.readdirSync(uploadsDir))
    const marker = 'MARKER-7f3a9c-not-in-db'
    const bytes = sample('png', marker.repeat(50))
    const id = await uploaded(s, applicant(s), bytes, '../../etc/passwd')
    const added = fs.readdirSync(uploadsDir).filter((f) => !before.has(f))
    expect(added).toEqual([id])
    expect(fs.readFileSync(path.join(uploadsDir, id)).equals(bytes)).toBe(true)
    expect(fs.readdirSync(dir).sort()).toEqual(['db', 'uploads'])
    s.db.pragma('wal_checkpoint(TRUNCATE)')
    for (const f of fs.readdirSync(path.join(dir, 'db'))) expect(fs.readFileSync(path.join(dir, 'db', f)).includes(marker)).toBe(false)
    expect(s.db.prepare('SELECT size, mime FROM upload WHERE id = ?').get(id)).toEqual({ size: bytes.length, mime: 'image/png' })
  })

  it('should name the file field when the form has no file part', async () => {
    const body = new FormData()
    body.append('note', 'no file here')
    const res = await fetch(`${s.url}/api/uploads`, { method: 'POST', body, headers: applicant(s).headers })
    expect(await res.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'file', message: '请选择要上传的照片或PDF文件' }] })
    const other = await upload(s, applicant(s), sample('png'), 'a.png', 'image/png', 'photo')
    expect(other.body.errors).toEqual([{ path: 'file', message: '请选择要上传的照片或PDF文件' }])
  })

  it('should refuse with CONSENT_REQUIRED and UNAUTHENTICATED before reading the file', async () => {
    expect((await upload(s, applicant(s, { consent: false }), sample('png'))).body.code).toBe('CONSENT_REQUIRED')
    expect((await upload(s, null, sample('png'))).status).toBe(401)
  })
})

describe('POST /api/ocr/idcard', () => {
  it('should recognise the demo front and back of 王芳\'s card, masked, with checks passed', async () => {
    const a = applicant(s)
    const front = await callApi('ocrIdCard', { body: { uploadId: await uploaded(s, a, await demoImage(s, 'front')), side: 'front' } }, a.client)
    expect(front).toEqual({
      side: 'front', nameMasked: '王*', idMasked: maskId(wangId()), addrMasked: '重庆市万州区高笋塘街道****', validDate: null,
      checks: [{ field: 'name', ok: true, message: '已识别姓名' }, { field: 'idNumber', ok: true, message: '公民身份号码校验通过' }],
    })
    const back = await callApi('ocrIdCard', { body: { uploadId: await uploaded(s, a, await demoImage(s, 'back')), side: 'back' } }, a.client)
    expect(back).toEqual({
      side: 'back', nameMasked: null, idMasked: null, addrMasked: null, validDate: '20160301-20360301',
      checks: [{ field: 'validDate', ok: true, message: '证件在有效期内（至2036-03-01）' }],
    })
    expect(a.bodies.join('')).not.toContain(wangId())
  })

  it('should refuse with OCR_NOT_RECOGNISED when the photo is not a demo image or is the other side', async () => {
    const a = applicant(s)
    for (const [bytes, side] of [[sample('png', 'someone else'), 'front'], [await demoImage(s, 'front'), 'back']] as const) {
      const e = await failure(callApi('ocrIdCard', { body: { uploadId: await uploaded(s, a, bytes), side } }, a.client))
      expect([e.code, e.status]).toEqual(['OCR_NOT_RECOGNISED', 422])
    }
  })

  it('should answer NOT_FOUND when the upload belongs to another user', async () => {
    const uploadId = await uploaded(s, applicant(s), await demoImage(s, 'front'))
    const e = await failure(callApi('ocrIdCard', { body: { uploadId, side: 'front' } }, applicant(s).client))
    expect([e.code, e.status]).toEqual(['NOT_FOUND', 404])
  })
})

describe('photo material', () => {
  it('should use the recognised fields and mark the material for review when the demo photos are given', async () => {
    const a = applicant(s)
    const m = await callApi('photoIdCard', { body: {
      frontUploadId: await uploaded(s, a, await demoImage(s, 'front')), backUploadId: await uploaded(s, a, await demoImage(s, 'back')),
      typed: { name: '被忽略', idNumber: '11010519491231002X' },
    } }, a.client)
    expect(m).toMatchObject({ kind: 'id-card', source: 'photo', status: 'unverified', needsReview: true, identifier: null, identifierValid: null,
      holderNameMasked: '王*', numberMasked: maskId(wangId()), validTo: '2036-03-01', refusal: null })
    expect(m.facts).toEqual(expect.arrayContaining([{ label: '证件信息', value: '由照片识别，已校验' }, { label: '有效期限', value: '2016-03-01至2036-03-01' }]))
    const row = s.db.prepare('SELECT upload_ids FROM material WHERE id = ?').get(m.materialId) as { upload_ids: string }
    expect(JSON.parse(row.upload_ids)).toHaveLength(2)
  })

  it('should use typed data when the photos are not recognised, and require it otherwise', async () => {
    const a = applicant(s)
    const ids = { frontUploadId: await uploaded(s, a, sample('jpeg', 'f')), backUploadId: await uploaded(s, a, sample('jpeg', 'b')) }
    const m = await callApi('photoIdCard', { body: { ...ids, typed: { name: '张三', idNumber: '11010519491231002x' } } }, a.client)
    expect([m.holderNameMasked, m.numberMasked, m.validTo]).toEqual(['张*', '1101**********002X', null])
    expect(m.facts).toEqual(expect.arrayContaining([{ label: '证件信息', value: '手动填写' }]))
    const missing = await failure(callApi('photoIdCard', { body: ids }, a.client))
    expect(missing.fieldErrors).toEqual([{ path: 'typed', message: '未能识别照片，请手动输入姓名和公民身份号码' }])
  })

  it('should name typed.idNumber with the validator\'s message when the check digit is wrong', async () => {
    const a = applicant(s)
    const ids = { frontUploadId: await uploaded(s, a, sample('jpeg', 'f')), backUploadId: await uploaded(s, a, sample('jpeg', 'b')) }
    const e = await failure(callApi('photoIdCard', { body: { ...ids, typed: { name: '张三', idNumber: '110105194912310021' } } }, a.client))
    expect(e.fieldErrors).toEqual([{ path: 'typed.idNumber', message: '号码最后一位（校验码）与前17位不符，请逐位核对后重新输入' }])
  })

  it('should answer NOT_FOUND when a photo belongs to another user', async () => {
    const mine = applicant(s)
    const theirs = await uploaded(s, applicant(s), sample('jpeg'))
    const e = await failure(callApi('photoIdCard', { body: { frontUploadId: await uploaded(s, mine, sample('jpeg')), backUploadId: theirs } }, mine.client))
    expect(e.code).toBe('NOT_FOUND')
    expect((await failure(callApi('photoProperty', { body: { uploadId: theirs } }, mine.client))).code).toBe('NOT_FOUND')
  })

  it('should refuse with LICENCE_EXPIRED when the recognised back shows an ended validity', async () => {
    const a = applicant(s)
    const body = { frontUploadId: await uploaded(s, a, await demoImage(s, 'front')), backUploadId: await uploaded(s, a, await demoImage(s, 'back')) }
    const later = { db: s.db, uploadsDir, showTtlSeconds: 300, now: () => new Date('2036-03-02T08:00:00+08:00') }
    expect(() => photoIdCard(later, a.userId, body)).toThrow('照片中的身份证已于2036-03-01过期，请使用有效身份证件')
    expect(() => photoIdCard(later, a.userId, body)).toThrow(expect.objectContaining({ code: 'LICENCE_EXPIRED' }))
  })

  it('should make a property material for review from a PDF', async () => {
    const a = applicant(s)
    const m = await callApi('photoProperty', { body: { uploadId: await uploaded(s, a, sample('pdf')) } }, a.client)
    expect(m).toMatchObject({ kind: 'property', source: 'photo', status: 'unverified', needsReview: true, identifier: null, holderNameMasked: '待人工核对' })
    expect(m.facts[0]).toEqual({ label: '文件', value: '1份（PDF文件）' })
  })
})
