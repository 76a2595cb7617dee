import crypto from 'node:crypto'
import type { InProcess } from './support/in-process'
import {
  DEMO, clientFor, failure, giveConsent, insertMaterial, insertUpload, makeClock, newDraft, shopAnswers, startWithApplicants, signInWechat, signedBody, submit, type Ready,
} from './support/fixtures'
import { callApi } from '../../src/lib/http/client'
import { sample, uploaded } from './support/licence-fixtures'
import type { AnswersInput } from '../../src/contract/answers'
import { demoIdNumber } from '../../mock/seed/seed'

const clock = makeClock('2026-11-26T02:00:00Z')
let s: InProcess
let li: Ready, zhao: Ready
beforeAll(async () => { ({ s, ready: [li, zhao] } = await startWithApplicants(clock.now, [DEMO.li, DEMO.zhao])) })
afterAll(async () => { await s.close() })

const ZERO_HASH = '0'.repeat(64)
const unsigned = async (answers: AnswersInput, who: Ready = li) => ({ draftId: await newDraft(who), answers, signature: { method: 'tap' as const, contractHash: ZERO_HASH } })
const paths = (e: { fieldErrors: { path: string }[] }) => e.fieldErrors.map((f) => f.path)
const applications = () => (s.db.prepare('SELECT COUNT(*) AS n FROM application').get() as { n: number }).n

describe('submit refusals', () => {
  it('should require a well-formed Idempotency-Key header', async () => {
    const body = await signedBody(li, await newDraft(li), shopAnswers(li))
    const missing = await failure(callApi('submit', { body }, li.client))
    expect([missing.code, paths(missing)]).toEqual(['VALIDATION_FAILED', ['headers.idempotency-key']])
    expect(paths(await failure(submit(li, body, 'short')))).toEqual(['headers.idempotency-key'])
    expect(paths(await failure(submit(li, body, 'has space in it')))).toEqual(['headers.idempotency-key'])
  })

  it('should answer CONSENT_REQUIRED before the applicant has agreed to the notice', async () => {
    const wx = await signInWechat(s, 'wx-no-consent')
    const idCard = insertMaterial(s.db, wx.me.userId, { kind: 'id-card' })
    const e = await failure(submit(wx, { draftId: await newDraft(wx), answers: shopAnswers({ idCard, property: null }) }))
    expect([e.code, e.status]).toEqual(['CONSENT_REQUIRED', 403])
  })

  it('should refuse a WeChat-only applicant with YKB_AUTH_REQUIRED: photos of someone else\'s ID card, then a submit in their name', async () => {
    // the probe: any WeChat code → consent → two photos → 王芳 typed in → a resident application as owner
    const wx = await signInWechat(s, 'wx-no-identity')
    await giveConsent(wx)
    const asUploader = { userId: wx.me.userId, client: wx.client, bodies: [], headers: { authorization: `Bearer ${wx.session.token}` } }
    const photos = [await uploaded(s, asUploader, sample('jpeg', 'front of her card')), await uploaded(s, asUploader, sample('jpeg', 'back of her card'))]
    const typed = { name: '王芳', idNumber: demoIdNumber(DEMO.wang) }
    const photo = await failure(callApi('photoIdCard', { body: { frontUploadId: photos[0], backUploadId: photos[1], typed } }, wx.client))
    expect([photo.code, photo.status, photo.message]).toEqual(['YKB_AUTH_REQUIRED', 403, '请先通过渝快办授权实名信息'])
    expect((await failure(callApi('photoProperty', { body: { uploadId: photos[0] } }, wx.client))).code).toBe('YKB_AUTH_REQUIRED')
    expect(s.db.prepare('SELECT COUNT(*) FROM material WHERE owner_id = ?').pluck().get(wx.me.userId)).toBe(0)
    // a material got in some other way changes nothing: submitting needs the identity too
    const hers = insertMaterial(s.db, wx.me.userId, { kind: 'id-card', needsReview: true, number: demoIdNumber(DEMO.wang) })
    const before = applications()
    const answers: AnswersInput = {
      service: 'resident', applicant: { kind: 'individual', role: 'owner', mobile: '13900139000' },
      address: { townshipCode: '500101155', detail: '长滩镇演示村3组12号' }, load: { capacityKw: 8, use: 'home' },
      materials: { idCard: { materialId: hers }, property: null },
    }
    const e = await failure(submit(wx, await signedBody(wx, await newDraft(wx), answers)))
    expect([e.code, e.status]).toEqual(['YKB_AUTH_REQUIRED', 403])
    expect(applications()).toBe(before)
  })

  it('should answer the same NOT_FOUND for an unknown draft and for another user\'s draft', async () => {
    const body = await signedBody(li, 'd_no-such-draft', shopAnswers(li))
    const unknown = await failure(submit(li, body))
    expect([unknown.code, unknown.status, unknown.message]).toEqual(['NOT_FOUND', 404, '未找到该草稿，请刷新后重新提交'])
    const others = await newDraft(zhao)
    const e = await failure(submit(li, { ...body, draftId: others }))
    expect([e.code, e.status, e.message]).toEqual([unknown.code, unknown.status, unknown.message])
  })

  it('should answer LICENCE_EXPIRED and LICENCE_CANCELLED naming each unusable licence', async () => {
    const expiredId = insertMaterial(s.db, zhao.me.userId, { kind: 'id-card', status: 'expired', number: demoIdNumber(DEMO.zhao) })
    const cancelled = insertMaterial(s.db, zhao.me.userId, { kind: 'property', status: 'cancelled' })
    const both = await failure(submit(zhao, await signedBody(zhao, await newDraft(zhao), shopAnswers({ idCard: expiredId, property: cancelled }))))
    expect([both.code, both.status]).toEqual(['LICENCE_EXPIRED', 422])
    expect(paths(both)).toEqual(['answers.materials.idCard.materialId', 'answers.materials.property.materialId'])
    const one = await failure(submit(zhao, await signedBody(zhao, await newDraft(zhao), shopAnswers({ idCard: zhao.idCard, property: cancelled }))))
    expect([one.code, one.fieldMessage('answers.materials.property.materialId')]).toEqual(['LICENCE_CANCELLED', '用电地址物权证明：该电子证照已注销，不能使用'])
  })

  it('should refuse materials of another user or of the wrong kind', async () => {
    const e = await failure(submit(li, await signedBody(li, await newDraft(li), shopAnswers({ idCard: zhao.idCard, property: li.idCard }))))
    expect(e.code).toBe('VALIDATION_FAILED')
    expect(paths(e)).toEqual(['answers.materials.idCard.materialId', 'answers.materials.property.materialId'])
  })

  it('should require a signature whose hash is the contract of these answers', async () => {
    const draftId = await newDraft(li)
    const missing = await failure(submit(li, { draftId, answers: shopAnswers(li) }))
    expect(missing.fieldMessage('signature')).toBe('请阅读并签署《低压供用电合同》后再提交')
    const wrong = await failure(submit(li, await unsigned(shopAnswers(li))))
    expect(wrong.fieldMessage('signature.contractHash')).toBe('合同内容已变化，请重新阅读后签署')
    const signed = await signedBody(li, draftId, shopAnswers(li))
    const changed = { ...signed, answers: { ...signed.answers, load: { capacityKw: 60, use: 'shop' as const } } }
    expect(paths(await failure(submit(li, changed)))).toEqual(['signature.contractHash'])
    const typed = { ...signed, signature: { ...signed.signature, method: 'typed-name' as const, typedName: ' ' } }
    expect(paths(await failure(submit(li, typed)))).toEqual(['signature.typedName'])
    expect(applications()).toBe(0)
  })

  it('should explain 高压新装 when low voltage asks for more than 160 kW', async () => {
    const e = await failure(submit(li, await unsigned({ ...shopAnswers(li), load: { capacityKw: 200, use: 'workshop' } })))
    expect(e.fieldMessage('answers.load.capacityKw')).toBe('报装容量200千瓦，超过低压接入上限160千瓦，需按高压新装（10千伏）办理，请改选“高压新装（10千伏）”')
  })

  it('should give the check-character warning as the error unless the applicant confirmed the credit code', async () => {
    const base = shopAnswers(li)
    const answers = { ...base, applicant: { ...base.applicant, creditCode: '91350100M000100Y40' } }
    const e = await failure(submit(li, await signedBody(li, await newDraft(li), answers)))
    expect(e.fieldMessage('answers.applicant.creditCode')).toMatch(/^最后一位校验码与计算结果不一致/)
    const confirmed = { ...answers, applicant: { ...answers.applicant, creditCodeConfirmed: true } }
    const r = await submit(li, await signedBody(li, await newDraft(li), confirmed))
    expect(r.pendingReview).toEqual(['统一社会信用代码校验位不一致，将由工作人员对照营业执照核对'])
  })

  it('should name every bad field of the answers at once', async () => {
    const base = shopAnswers(li)
    const answers: AnswersInput = {
      ...base, service: 'resident',
      applicant: { kind: 'business', role: 'agent', mobile: '12345', creditCode: 'ABC' },
      address: { townshipCode: '500101999', detail: '某某路某某号' },
      load: { capacityKw: 10, use: 'home', desiredDate: '2026-11-25' },
      materials: { idCard: { materialId: li.idCard }, property: null },
    }
    const e = await failure(submit(li, await unsigned(answers)))
    expect(paths(e)).toEqual([
      'answers.applicant.kind', 'answers.applicant.businessName', 'answers.applicant.creditCode', 'answers.applicant.agentLetterUploadId',
      'answers.applicant.mobile', 'answers.address.townshipCode', 'answers.load.desiredDate', 'answers.materials.agentIdCard',
      'signature.contractHash',
    ])
    expect(e.fieldMessage('answers.applicant.mobile')).toBe('请输入11位手机号码，以13至19开头')
  })

  it('should require the project approval for hv-10kv', async () => {
    const answers: AnswersInput = { ...shopAnswers(li), service: 'hv-10kv', load: { capacityKw: 400, use: 'workshop' } }
    const e = await failure(submit(li, { draftId: await newDraft(li), answers }))
    expect(paths(e)).toEqual(['answers.materials.projectApprovalUploadId'])
  })

  it('should answer UNAUTHENTICATED without a session', async () => {
    const e = await failure(callApi('submit', { body: { draftId: 'd', answers: shopAnswers(li) }, headers: { 'Idempotency-Key': crypto.randomUUID() } }, clientFor(s)))
    expect(e.code).toBe('UNAUTHENTICATED')
  })
})

describe('contract summary', () => {
  it('should summarise the 《低压供用电合同》 in plain Chinese with a stable hash', async () => {
    const summary = await callApi('contractSummary', { body: { answers: shopAnswers(li) } }, li.client)
    expect(summary.title).toBe('低压供用电合同')
    expect(summary.sections.map((x) => x.heading)).toEqual(['供用电双方', '用电地址', '供电方式与容量', '用电性质', '产权分界点与维护责任', '电费结算', '零投资', '合同生效'])
    const text = Object.fromEntries(summary.sections.map((x) => [x.heading, x.text]))
    expect(text['供用电双方']).toBe('供电人：国网万州供电分公司；用电人：万州区明远小吃店（签署人：李**）。')
    expect(text['用电地址']).toBe('重庆市万州区瀼渡镇演示街8号1幢1-1。')
    expect(text['供电方式与容量']).toBe('低压供电，电压220V/380V，报装容量20千瓦。')
    expect(text['用电性质']).toBe('低压非居民新装（小微企业），用电用途：商铺经营。')
    expect(text['产权分界点与维护责任']).toMatch(/^产权分界点为电能表出线端/)
    expect(text['零投资']).toMatch(/160千瓦及以下.*不向用电人收取/)
    expect(summary.hash).toMatch(/^[0-9a-f]{64}$/)
    const reordered = JSON.parse(JSON.stringify(shopAnswers(li), Object.keys(shopAnswers(li)).reverse()))
    expect((await callApi('contractSummary', { body: { answers: { ...reordered, ...shopAnswers(li) } } }, li.client)).hash).toBe(summary.hash)
  })

  it('should answer VALIDATION_FAILED at answers.service for hv-10kv', async () => {
    const e = await failure(callApi('contractSummary', { body: { answers: { ...shopAnswers(li), service: 'hv-10kv' } } }, li.client))
    expect([e.code, e.fieldMessage('answers.service')]).toEqual(['VALIDATION_FAILED', '高压供用电合同在装表接电环节签订，现在无需签署'])
  })

  it('should answer UNAUTHENTICATED without a session', async () => {
    expect((await failure(callApi('contractSummary', { body: { answers: shopAnswers(li) } }, clientFor(s)))).code).toBe('UNAUTHENTICATED')
  })
})

describe('whose ID card (a server of its own: this one stores an application)', () => {
  const own = {} as { s: InProcess; li: Ready }
  beforeAll(async () => { const r = await startWithApplicants(clock.now, [DEMO.li]); own.s = r.s; own.li = r.ready[0] })
  afterAll(async () => { await own.s.close() })

  it('should refuse an ID card that is not the signed-in person\'s: the owner\'s applying in person, the agent\'s otherwise', async () => {
    const photo = (number: string) => insertMaterial(own.s.db, own.li.me.userId, { kind: 'id-card', needsReview: true, number })
    const someoneElse = photo(demoIdNumber(DEMO.wang))
    const inPerson = await failure(submit(own.li, await signedBody(own.li, await newDraft(own.li), shopAnswers({ idCard: someoneElse, property: own.li.property }))))
    expect([inPerson.code, paths(inPerson)]).toEqual(['VALIDATION_FAILED', ['answers.materials.idCard.materialId']])
    expect(inPerson.fieldMessage('answers.materials.idCard.materialId')).toContain('与您渝快办实名认证的身份不一致')

    // for someone else, as their agent: their ID card is fine, the agent's must be the agent's own
    const base = shopAnswers({ idCard: someoneElse, property: own.li.property })
    const asAgent = (agentIdCard: string): AnswersInput => ({
      ...base, applicant: { ...base.applicant, role: 'agent', agentLetterUploadId: insertUpload(own.s.db, own.li.me.userId) }, materials: { ...base.materials, agentIdCard: { materialId: agentIdCard } },
    })
    const notTheAgent = await failure(submit(own.li, await signedBody(own.li, await newDraft(own.li), asAgent(photo(demoIdNumber(DEMO.zhao))))))
    expect(paths(notTheAgent)).toEqual(['answers.materials.agentIdCard.materialId'])
    expect(notTheAgent.fieldMessage('answers.materials.agentIdCard.materialId')).toContain('经办人身份证须为您本人的')
    const ownNumber = demoIdNumber(DEMO.li).toLowerCase() // a typed lower-case x is the same number
    const receipt = await submit(own.li, await signedBody(own.li, await newDraft(own.li), asAgent(photo(ownNumber))))
    expect(receipt.number).toMatch(/^WZ\d{14}$/)
  })

  it('should refuse an address in another township than the property certificate\'s 坐落 without a reason, and take one with a reason for staff', async () => {
    // the authorised e-licences: the property certificate's 坐落 is in 瀼渡镇; the address here in 高笋塘街道
    const { licences } = await callApi('licencesAuthorised', { body: { kinds: ['id-card', 'property'], useCause: '办理用电报装' } }, li.client)
    const [idCard, property] = ['id-card', 'property'].map((k) => licences.find((l) => l.kind === k)?.materialId ?? '')
    const elsewhere = { ...shopAnswers({ idCard, property }), address: { townshipCode: '500101001', detail: '太白路8号1幢1-1' } }
    const before = applications()
    const e = await failure(submit(li, await signedBody(li, await newDraft(li), elsewhere)))
    expect([e.code, e.fieldErrors]).toEqual(['VALIDATION_FAILED', [{ path: 'answers.address.differsReason', message: '用电地址与不动产权证书的坐落不在同一乡镇街道：请改为证书上的乡镇街道，或说明原因' }]])
    expect(applications()).toBe(before)
    const explained = { ...elsewhere, address: { ...elsewhere.address, differsReason: '证书坐落为老门牌' } }
    const r = await submit(li, await signedBody(li, await newDraft(li), explained))
    expect(r.pendingReview).toEqual(['用电地址与不动产权证书坐落不一致（申请人说明：证书坐落为老门牌），将由工作人员核对'])
  })
})
