// 一证受理 follow-up: the detail states the undertaking and by when; the applicant hands the property proof in once
// (an authorised e-licence, a scanned code or a photo), it is then among the case's materials; a 补正's photos and
// PDFs are listed as handed in.
import { callApi } from '../../src/lib/http/client'
import type { InProcess } from './support/in-process'
import { DEMO, failure } from './support/fixtures'
import { sample, uploaded } from './support/licence-fixtures'
import { applyShop, askProperty, owner, progressSuite, push, rec, type Owner } from './support/progress-fixtures'
import { applyWith, idOnlyOwner } from './support/staff-fixtures'

const suite = progressSuite()
const { clock } = suite
let s: InProcess
let li: Owner
let wang: Owner
beforeAll(async () => {
  ({ s, li } = suite)
  wang = await idOnlyOwner(s, DEMO.wang)
})

const oneCert = (o: Owner, undertaken: boolean) =>
  applyWith(o, (a) => ({ ...a, materials: { ...a.materials, property: null, propertyUndertaking: undertaken } }))
const detail = (o: Owner, number: string) => callApi('applicationDetail', { params: { number } }, o.client)
const handIn = (o: Owner, number: string, materialId: string) => callApi('propertyProof', { params: { number }, body: { materialId } }, o.client)

describe('propertyProof (一证受理)', () => {
  it('should state the undertaking and by when, take an authorised e-licence once, and list it among the materials', async () => {
    const number = await oneCert(li, true)
    const before = await detail(li, number)
    expect(before.propertyProof).toEqual({ undertaken: true, by: '施工接电前', handedInAt: null })
    expect(before.actions.propertyProof).toBe(true)
    expect(before.materials.map((m) => m.kind)).toEqual(['id-card'])

    const after = await handIn(li, number, li.property)
    expect(after.propertyProof).toEqual({ undertaken: true, by: '施工接电前', handedInAt: clock.now().toISOString() })
    expect(after.actions.propertyProof).toBe(false)
    expect(after.materials.map((m) => [m.kind, m.source])).toEqual([['id-card', 'authorised'], ['property', 'authorised']])
    expect(after.timeline.at(-1)?.text).toBe('已补交用电地址物权证明（一证受理）')

    const again = await failure(handIn(li, number, li.property))
    expect([again.code, again.message]).toEqual(['ACTION_NOT_ALLOWED', '物权证明已经补交，无需再次提交'])
  })

  it('should take a photo or PDF of the proof from an applicant with no property e-licence, and say no undertaking was given', async () => {
    const number = await oneCert(wang, false)
    expect((await detail(wang, number)).propertyProof).toEqual({ undertaken: false, by: '施工接电前', handedInAt: null })
    const photo = await callApi('photoProperty', { body: { uploadId: await uploaded(s, wang, sample('pdf', 'lease')) } }, wang.client)
    const after = await handIn(wang, number, photo.materialId)
    expect(after.materials.at(-1)).toMatchObject({ kind: 'property', source: 'photo', needsReview: true })
  })

  it('should refuse a case that had its proof, another person\'s material, an ID card, and a cancelled certificate', async () => {
    const withProof = await applyShop(li)
    expect((await detail(li, withProof)).propertyProof).toBeNull()
    expect((await failure(handIn(li, withProof, li.property))).code).toBe('ACTION_NOT_ALLOWED')

    const number = await oneCert(wang, true)
    const foreign = await failure(handIn(wang, number, li.property))
    expect([foreign.code, foreign.fieldErrors]).toEqual(['VALIDATION_FAILED', [{ path: 'materialId', message: '未找到该物权证明，请重新获取或上传' }]])
    expect((await failure(handIn(wang, number, wang.idCard))).code).toBe('VALIDATION_FAILED')

    // 赵强's cancelled certificate, as if 王芳 had fetched it
    const zhao = await owner(s, DEMO.zhao)
    s.db.prepare('UPDATE material SET owner_id = ? WHERE id = ?').run(wang.userId, zhao.property)
    expect((await failure(handIn(wang, number, zhao.property))).code).toBe('LICENCE_CANCELLED')
    expect((await detail(wang, number)).propertyProof?.handedInAt).toBeNull()
  })
})

describe('supplementFiles', () => {
  it('should list a 补正\'s photo and PDF under what was handed in, with type, size and time', async () => {
    const number = await applyShop(li)
    await push(s, clock, [rec(number, 'supplement-request', 'accept-sign', askProperty(clock))])
    const png = await uploaded(s, li, sample('png', 'lease-photo'))
    const pdf = await uploaded(s, li, sample('pdf', 'lease-pdf'))
    const after = await callApi('supplement', { params: { number }, body: { uploadIds: [png, pdf] } }, li.client)
    expect(after.supplementFiles).toEqual([
      { mime: 'image/png', sizeKb: expect.any(Number), at: clock.now().toISOString() },
      { mime: 'application/pdf', sizeKb: expect.any(Number), at: clock.now().toISOString() },
    ])
    expect((await detail(li, number)).supplementFiles).toHaveLength(2)
  })
})
