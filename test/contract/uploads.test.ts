import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startInProcess, type InProcess } from './support/in-process'
import { DEMO, failure, insertUpload, makeClock, withServer } from './support/fixtures'
import { applicant, demoImage, jpegHead, pngHead, sample, upload, uploaded } from './support/licence-fixtures'
import { callApi } from '../../src/lib/http/client'
import { maskId } from '../../src/core/masking'
import { photoIdCard } from '../../mock/licences/photo-materials'
import { MAX_UPLOAD_BYTES } from '../../mock/licences/uploads'
import { imageDimensions, MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE } from '../../mock/licences/file-check'
import { IP_QUOTA, quotasFrom, spendQuota, USER_QUOTA } from '../../mock/licences/upload-quota'

const quotaClock = makeClock('2026-11-26T02:00:00Z')

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wz-uploads-test-'))
const uploadsDir = path.join(dir, 'uploads')
let s: InProcess
beforeAll(async () => { s = await startInProcess({ dbFile: path.join(dir, 'db', 'test.db'), uploadsDir }) })
afterAll(async () => { await s.close(); fs.rmSync(dir, { recursive: true, force: true }) })

const wangId = () => (s.ykbSim!.db.prepare('SELECT id_number FROM identity WHERE id = ?').get(DEMO.wang) as { id_number: string }).id_number

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

  it('should answer a part header with a bare line feed BAD_REQUEST within seconds, not hold the connection (fuzz seed 1936153230)', async () => {
    // the multipart parser falls silent on it once the body is bigger than one chunk; the server must still answer
    const boundary = '----fuzz7MA4YWxkTrZu0gW'
    const body = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="\n"\r\n\r\n`),
      Buffer.alloc(20_000, 65), Buffer.from(`\r\n--${boundary}--\r\n`)])
    const res = await fetch(`${s.url}/api/uploads`, {
      method: 'POST', body, signal: AbortSignal.timeout(10_000),
      headers: { ...applicant(s).headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    })
    expect([res.status, (await res.json()).code]).toEqual([400, 'BAD_REQUEST'])
    expect((await upload(s, applicant(s), sample('png'))).status).toBe(200) // and the next upload is taken
  })

  it('should refuse with CONSENT_REQUIRED and UNAUTHENTICATED before reading the file', async () => {
    expect((await upload(s, applicant(s, { consent: false }), sample('png'))).body.code).toBe('CONSENT_REQUIRED')
    expect((await upload(s, null, sample('png'))).status).toBe(401)
  })
})

describe('POST /api/uploads: files that are more than they seem', () => {
  const refused = async (bytes: Buffer, name = 'x.png') => {
    const r = await upload(s, applicant(s), bytes, name)
    return [r.status, r.body.code, r.body.msg]
  }
  const POLYGLOT = '文件中含有网页或脚本内容，不能作为材料上传，请重新拍照或导出后上传'

  it.each([
    ['a PNG that is also an HTML page', () => Buffer.concat([pngHead(8, 8), Buffer.from('<html><body><img src=x onerror=alert(1)></body></html>')])],
    ['a JPEG with a script in its comment', () => jpegHead(8, 8, '<script>alert(document.cookie)</script>')],
    ['a PDF that is also an HTML page', () => Buffer.from('%PDF-1.4\n<!DOCTYPE html><script>alert(1)</script>')],
    ['a PDF with JavaScript to run on opening', () => Buffer.from('%PDF-1.4\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n%%EOF')],
    ['a PNG carrying an SVG after its end', () => Buffer.concat([sample('png'), Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')])],
  ])('should refuse %s with UPLOAD_TYPE and say why', async (_what, bytes) => {
    expect(await refused(bytes())).toEqual([415, 'UPLOAD_TYPE', POLYGLOT])
  })

  it.each([
    ['a PNG of 100,000 × 100,000 pixels (a decompression bomb)', () => pngHead(100_000, 100_000)],
    ['a JPEG of 65,535 × 65,535 pixels', () => jpegHead(65_535, 65_535)],
    ['a PNG 12,001 pixels wide', () => pngHead(MAX_IMAGE_SIDE + 1, 10)],
    ['a JPEG of 8,000 × 7,000 pixels (56 million)', () => jpegHead(8000, 7000)],
  ])('should refuse %s with UPLOAD_DIMENSIONS', async (_what, bytes) => {
    expect(await refused(bytes())).toEqual([422, 'UPLOAD_DIMENSIONS', '图片尺寸过大（长边不超过12000像素、总计不超过5000万像素），请缩小后重新上传'])
  })

  it('should accept the largest image allowed and a real photo, and refuse an image whose header is cut off', async () => {
    expect((await upload(s, applicant(s), jpegHead(MAX_IMAGE_SIDE, MAX_IMAGE_PIXELS / MAX_IMAGE_SIDE))).status).toBe(200)
    expect((await upload(s, applicant(s), await demoImage(s, 'front'))).status).toBe(200)
    expect(imageDimensions(await demoImage(s, 'front'), 'image/png')).toEqual({ width: expect.any(Number), height: expect.any(Number) })
    for (const cut of [Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]), pngHead(10, 10).subarray(0, 20), pngHead(0, 10)]) {
      expect(await refused(cut)).toEqual([415, 'UPLOAD_TYPE', '图片已损坏或格式不完整，请重新拍照上传'])
    }
  })
})

describe('POST /api/uploads: daily quotas', () => {
  it('should take 50 files from one user in a day, refuse the 51st with UPLOAD_QUOTA, and take more the next day', () =>
    withServer({ now: quotaClock.now }, async (t) => {
      const a = applicant(t)
      for (let i = 0; i < USER_QUOTA.files; i += 1) expect((await upload(t, a, sample('jpeg', `q${i}`))).status).toBe(200)
      const over = await upload(t, a, sample('jpeg', 'one too many'))
      expect([over.status, over.body.code, over.body.msg]).toEqual([429, 'UPLOAD_QUOTA', '今天上传的文件已达上限（每人每天50个、共100MB），请明天再试'])
      expect((await upload(t, applicant(t), sample('jpeg', 'someone else'))).status).toBe(200)
      quotaClock.advance(24 * 3600_000)
      const nextDay = { ...a, headers: { authorization: `Bearer ${t.sessions.create('applicant', a.userId).token}` } }
      expect((await upload(t, nextDay, sample('jpeg', 'next day'))).status).toBe(200)
    }))

  it('should count what one address uploads over every user it signs in as', () =>
    withServer({ now: quotaClock.now }, async (t) => {
      for (let i = 0; i < IP_QUOTA.files / USER_QUOTA.files; i += 1) {
        const a = applicant(t)
        for (let j = 0; j < USER_QUOTA.files; j += 1) expect((await upload(t, a, sample('png', `${i}-${j}`))).status).toBe(200)
      }
      expect((await upload(t, applicant(t), sample('png', 'a fresh user'))).body.code).toBe('UPLOAD_QUOTA')
      // files the orphan sweep deleted still count: the ledger is not the upload table
      t.db.prepare('DELETE FROM upload').run()
      expect((await upload(t, applicant(t), sample('png', 'after the sweep'))).body.code).toBe('UPLOAD_QUOTA')
    }))

  it('should take its quota from UPLOAD_DAILY_QUOTA and refuse a setting that is not files/MB', () =>
    withServer({ uploadDailyQuota: '2/1' }, async (t) => {
      const a = applicant(t)
      for (const n of [1, 2]) expect((await upload(t, a, sample('png', `${n}`))).status).toBe(200)
      expect((await upload(t, a, sample('png', '3'))).body.code).toBe('UPLOAD_QUOTA')
      expect(quotasFrom('2/1')).toEqual({ user: { files: 2, bytes: 1024 * 1024 }, ip: { files: 8, bytes: 4 * 1024 * 1024 } })
      for (const bad of ['50', '0/100', '50/-1', 'lots/lots', '50/100/1']) expect(() => quotasFrom(bad)).toThrow('UPLOAD_DAILY_QUOTA must be')
    }))

  it('should count bytes too: 100 MB a user, 400 MB an address', () =>
    withServer({}, async (t) => {
      const at = new Date()
      const fiveMb = 5 * 1024 * 1024
      for (let i = 0; i < 20; i += 1) spendQuota(t.db, 'u-bytes', '192.0.2.1', fiveMb, at)
      expect(() => spendQuota(t.db, 'u-bytes', '192.0.2.1', 1, at)).toThrow(expect.objectContaining({ code: 'UPLOAD_QUOTA' }))
      for (let i = 0; i < 60; i += 1) spendQuota(t.db, `u-${i % 3}`, '192.0.2.2', fiveMb, at)
      expect(() => spendQuota(t.db, 'u-other', '192.0.2.2', IP_QUOTA.bytes - 60 * fiveMb + 1, at)).toThrow(expect.objectContaining({ code: 'UPLOAD_QUOTA' }))
      expect(() => spendQuota(t.db, 'u-other', '192.0.2.2', IP_QUOTA.bytes - 60 * fiveMb, at)).not.toThrow()
    }))
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

  it('should say at once, with ID_NOT_OWN, that the recognised card is someone else\'s when it must be the applicant\'s own', async () => {
    const zhao = applicant(s, { identity: DEMO.zhao })
    const front = await uploaded(s, zhao, await demoImage(s, 'front')) // 王芳's card
    const e = await failure(callApi('ocrIdCard', { body: { uploadId: front, side: 'front', whose: 'own' } }, zhao.client))
    expect([e.code, e.status, e.message]).toEqual(['ID_NOT_OWN', 422, '这张身份证不是您本人的：与您渝快办实名认证的身份不一致，请拍摄您本人的身份证'])
    // the 用电人's card, an agent applying: anyone's; and 王芳's own card is hers
    expect((await callApi('ocrIdCard', { body: { uploadId: front, side: 'front', whose: 'principal' } }, zhao.client)).nameMasked).toBe('王*')
    const wang = applicant(s, { identity: DEMO.wang })
    const hers = await uploaded(s, wang, await demoImage(s, 'front'))
    expect((await callApi('ocrIdCard', { body: { uploadId: hers, side: 'front', whose: 'own' } }, wang.client)).idMasked).toBe(maskId(wangId()))
  })

  it('should answer NOT_FOUND when the upload belongs to another user', async () => {
    const uploadId = await uploaded(s, applicant(s), await demoImage(s, 'front'))
    const e = await failure(callApi('ocrIdCard', { body: { uploadId, side: 'front' } }, applicant(s).client))
    expect([e.code, e.status]).toEqual(['NOT_FOUND', 404])
  })
})

describe('photo material', () => {
  it('should refuse with YKB_AUTH_REQUIRED and CONSENT_REQUIRED when the applicant has no real-name identity or no consent', async () => {
    for (const [a, code] of [[applicant(s), 'YKB_AUTH_REQUIRED'], [applicant(s, { identity: DEMO.zhao, consent: false }), 'CONSENT_REQUIRED']] as const) {
      const photo = insertUpload(s.db, a.userId)
      const e = await failure(callApi('photoIdCard', { body: { frontUploadId: photo, backUploadId: insertUpload(s.db, a.userId), typed: { name: '王芳', idNumber: wangId() } } }, a.client))
      expect([e.code, e.status]).toEqual([code, 403])
      expect((await failure(callApi('photoProperty', { body: { uploadId: photo } }, a.client))).code).toBe(code)
    }
  })

  it('should use the recognised fields and mark the material for review when the demo photos are given', async () => {
    const a = applicant(s, { identity: DEMO.wang })
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
    const a = applicant(s, { identity: DEMO.wang })
    const ids = { frontUploadId: await uploaded(s, a, sample('jpeg', 'f')), backUploadId: await uploaded(s, a, sample('jpeg', 'b')) }
    const m = await callApi('photoIdCard', { body: { ...ids, typed: { name: '张三', idNumber: '11010519491231002x' } } }, a.client)
    expect([m.holderNameMasked, m.numberMasked, m.validTo]).toEqual(['张*', '1101**********002X', null])
    expect(m.facts).toEqual(expect.arrayContaining([{ label: '证件信息', value: '手动填写' }]))
    const missing = await failure(callApi('photoIdCard', { body: ids }, a.client))
    expect(missing.fieldErrors).toEqual([{ path: 'typed', message: '未能识别照片，请手动输入姓名和公民身份号码' }])
  })

  it('should refuse someone else\'s card as the applicant\'s own at the photo step (recognised or typed), and take the 渝快办 identity for an unread photo', async () => {
    const zhao = applicant(s, { identity: DEMO.zhao })
    const zhaoId = (s.ykbSim!.db.prepare('SELECT id_number FROM identity WHERE id = ?').get(DEMO.zhao) as { id_number: string }).id_number
    const back = await uploaded(s, zhao, await demoImage(s, 'back'))
    const recognised = { frontUploadId: await uploaded(s, zhao, await demoImage(s, 'front')), backUploadId: back, whose: 'own' as const }
    expect((await failure(callApi('photoIdCard', { body: recognised }, zhao.client))).code).toBe('ID_NOT_OWN')
    const unread = { frontUploadId: await uploaded(s, zhao, sample('jpeg', 'zhao front')), backUploadId: back, whose: 'own' as const }
    const typed = await failure(callApi('photoIdCard', { body: { ...unread, typed: { name: '王芳', idNumber: wangId() } } }, zhao.client))
    expect([typed.code, typed.status]).toEqual(['ID_NOT_OWN', 422])
    const m = await callApi('photoIdCard', { body: { ...unread, fromIdentity: true } }, zhao.client)
    expect([m.holderNameMasked, m.numberMasked, m.needsReview]).toEqual(['赵*', maskId(zhaoId), true])
    expect(m.facts).toEqual(expect.arrayContaining([{ label: '证件信息', value: '取自渝快办实名信息' }]))
    expect(zhao.bodies.join('')).not.toContain(zhaoId)
    // only for the applicant's own card: the 用电人's (an agent applying) is never filled from the agent's identity
    const principal = await failure(callApi('photoIdCard', { body: { ...unread, whose: 'principal', fromIdentity: true } }, zhao.client))
    expect(principal.fieldErrors).toEqual([{ path: 'typed', message: '未能识别照片，请手动输入姓名和公民身份号码' }])
  })

  it('should name typed.idNumber with the validator\'s message when the check digit is wrong', async () => {
    const a = applicant(s, { identity: DEMO.wang })
    const ids = { frontUploadId: await uploaded(s, a, sample('jpeg', 'f')), backUploadId: await uploaded(s, a, sample('jpeg', 'b')) }
    const e = await failure(callApi('photoIdCard', { body: { ...ids, typed: { name: '张三', idNumber: '110105194912310021' } } }, a.client))
    expect(e.fieldErrors).toEqual([{ path: 'typed.idNumber', message: '号码最后一位（校验码）与前17位不符，请逐位核对后重新输入' }])
  })

  it('should answer NOT_FOUND when a photo belongs to another user', async () => {
    const mine = applicant(s, { identity: DEMO.wang })
    const theirs = await uploaded(s, applicant(s), sample('jpeg'))
    const e = await failure(callApi('photoIdCard', { body: { frontUploadId: await uploaded(s, mine, sample('jpeg')), backUploadId: theirs } }, mine.client))
    expect(e.code).toBe('NOT_FOUND')
    expect((await failure(callApi('photoProperty', { body: { uploadId: theirs } }, mine.client))).code).toBe('NOT_FOUND')
  })

  it('should refuse with LICENCE_EXPIRED when the recognised back shows an ended validity', async () => {
    const a = applicant(s, { identity: DEMO.wang })
    const body = { frontUploadId: await uploaded(s, a, await demoImage(s, 'front')), backUploadId: await uploaded(s, a, await demoImage(s, 'back')) }
    const later = { db: s.db, uploadsDir, ykb: s.ykb, now: () => new Date('2036-03-02T08:00:00+08:00') }
    expect(() => photoIdCard(later, a.userId, body)).toThrow('照片中的身份证已于2036-03-01过期，请使用有效身份证件')
    expect(() => photoIdCard(later, a.userId, body)).toThrow(expect.objectContaining({ code: 'LICENCE_EXPIRED' }))
  })

  it('should make a property material for review from a PDF', async () => {
    const a = applicant(s, { identity: DEMO.wang })
    const m = await callApi('photoProperty', { body: { uploadId: await uploaded(s, a, sample('pdf')) } }, a.client)
    expect(m).toMatchObject({ kind: 'property', source: 'photo', status: 'unverified', needsReview: true, identifier: null, holderNameMasked: '待人工核对' })
    expect(m.facts[0]).toEqual({ label: '文件', value: '1份（PDF文件）' })
  })
})
