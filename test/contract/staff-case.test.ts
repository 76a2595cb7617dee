import type { AnswersInput } from '../../src/contract/answers'
import { callApi } from '../../src/lib/http/client'
import type { InProcess } from './support/in-process'
import { DEMO, failure, newDraft, shopAnswers, signedBody, submit } from './support/fixtures'
import { applicant, sample, uploaded } from './support/licence-fixtures'
import { applyShop, askProperty, progressSuite, push, rec, walk, type Owner } from './support/progress-fixtures'
import { accessRows, applyShopWithPhoto, rawGet, staffSignIn, unmaskedIn, type SignedInStaff } from './support/staff-fixtures'

const suite = progressSuite()
const { clock } = suite
let s: InProcess
let li: Owner
let gw: SignedInStaff
let sx: SignedInStaff
let admin: SignedInStaff
beforeAll(async () => {
  ({ s, li } = suite)
  gw = await staffSignIn(s, 'gw-kefu')
  sx = await staffSignIn(s, 'sx-kefu')
  admin = await staffSignIn(s, 'wz-admin')
})

const view = (number: string, who: SignedInStaff = gw) => callApi('staffCase', { params: { number } }, who.client)
const LI_ID = () => (s.db.prepare('SELECT id_number FROM ykb_identity WHERE id = ?').get(DEMO.li) as { id_number: string }).id_number

/** A 10 kV case whose project approval is a real uploaded PDF. */
async function hvWithApproval(): Promise<{ number: string; approval: string }> {
  const approval = await uploaded(s, li, sample('pdf', 'project-approval'), 'approval.pdf')
  const answers: AnswersInput = {
    ...shopAnswers(li), service: 'hv-10kv', load: { capacityKw: 400, use: 'workshop' },
    materials: { idCard: { materialId: li.idCard }, property: { materialId: li.property }, projectApprovalUploadId: approval },
  }
  return { number: (await submit(li, { draftId: await newDraft(li), answers })).number, approval }
}

describe('staffCase', () => {
  it('should show an individual\'s 字号 (个体工商户) to staff, and refuse a malformed one at submission', async () => {
    const individual = { kind: 'individual' as const, role: 'owner' as const, useIdentityMobile: true }
    const withShop = (shopName: string): AnswersInput => ({ ...shopAnswers(li), applicant: { ...individual, shopName } })
    const { number } = await submit(li, await signedBody(li, await newDraft(li), withShop(' 明远小吃 ')))
    expect((await view(number)).applicant).toMatchObject({ businessName: null, creditCode: null, shopName: '明远小吃' })
    const refused = await failure(submit(li, await signedBody(li, await newDraft(li), withShop('<b>'))))
    expect([refused.code, refused.fieldErrors]).toEqual(['VALIDATION_FAILED', [{ path: 'answers.applicant.shopName', message: '字号只能包含汉字、字母、数字、括号、“·”、“&”和“-”，请按营业执照填写' }]])
  })

  it('should show the applicant\'s detail with the full address, the identity masked, raw events masked, materials with their files', async () => {
    clock.set('2026-11-26T02:00:00Z')
    const { number, uploadId } = await applyShopWithPhoto(s, li)
    await push(s, clock, [rec(number, 'supplement-request', 'accept-sign', askProperty(clock, '请联系13800138000补充租赁合同'))])
    const d = await view(number)
    expect(d.application).toMatchObject({ number, address: '重庆市万州区瀼渡镇演示街8号1幢1-1', supplierName: '国网万州供电分公司' })
    expect(d.applicant).toEqual({
      nameMasked: '李**', idNumberMasked: `${LI_ID().slice(0, 4)}**********${LI_ID().slice(-4)}`, mobileMasked: '138****8000',
      businessName: '万州区明远小吃店', creditCode: '91350100M000100Y43', role: 'owner', shopName: null,
    })
    expect(d.events.map((e) => [e.type, e.actor])).toEqual([
      ['submitted', `applicant:${li.userId}`], ['stage-started', 'system'], ['contract-signed', `applicant:${li.userId}`], ['supplement-requested', 'push:sgcc-wanzhou-demo'],
    ])
    expect(d.events[3].payload).toMatchObject({ opinion: '请联系138****8000补充租赁合同', handler: '王工' })
    // what staff read: Chinese words, China time, names; no epoch numbers or codes
    expect(d.events.map((e) => [e.text, e.actorName])).toEqual([
      ['提交申请', '申请人 李**'], ['受理签约 开始', '系统'], ['在线签订供用电合同', '申请人 李**'], ['受理签约 要求补正材料（暂停计时）', '国网万州供电分公司系统推送'],
    ])
    expect(d.events[3].details).toEqual([
      { label: '推送记录号', value: expect.stringMatching(/^r-/) }, { label: '经办人', value: '王工' }, { label: '意见', value: '请联系138****8000补充租赁合同' },
      { label: '企业系统办理时间', value: '2026-01-05 08:00' }, { label: '要求补正', value: '用电地址物权证件（请联系138****8000补充租赁合同）' }, { label: '期限', value: '2026-12-06' },
    ])
    expect(d.events[2].details).toEqual([{ label: '签署方式', value: '点按确认签署' }, { label: '签署时间', value: '2026-11-26 10:00' }])
    const shown = JSON.stringify(d.events.map((e) => [e.text, e.actorName, e.details]))
    for (const raw of [li.userId, 'supplement-requested', 'property-proof', 'sgcc-wanzhou', String(Date.UTC(2026, 0, 5))]) expect(shown).not.toContain(raw)
    expect(d.materials.map((m) => [m.kind, m.source, m.needsReview, m.uploads])).toEqual([
      ['id-card', 'authorised', false, []], ['property', 'photo', true, [{ uploadId, mime: 'image/jpeg', size: sample('jpeg', 'property-photo').length }]],
    ])
    expect([d.files, d.notes, d.followUp]).toEqual([[], [], null])
    expect(accessRows(s).at(-1)).toEqual({ staff: 'gw-kefu', action: 'case', target: number, detail: '查看申请详情' })
  })

  it('should list the project approval and supplement uploads as the case\'s other files', async () => {
    const { number, approval } = await hvWithApproval()
    await push(s, clock, [rec(number, 'supplement-request', 'apply-accept', askProperty(clock))])
    const extra = await uploaded(s, li, sample('png', 'lease'), 'lease.png')
    await callApi('supplement', { params: { number }, body: { uploadIds: [extra] } }, li.client)
    expect((await view(number)).files).toEqual([
      { uploadId: approval, mime: 'application/pdf', size: sample('pdf', 'project-approval').length, kind: 'project-approval', label: '用电工程项目批准文件' },
      { uploadId: extra, mime: 'image/png', size: sample('png', 'lease').length, kind: 'supplement', label: '补正材料' },
    ])
  })
})

describe('staffReveal and staffNote', () => {
  it('should reveal each full value for a reason and log the reveal without the value', async () => {
    const number = await applyShop(li)
    const reveal = (field: 'idNumber' | 'mobile' | 'name') => callApi('staffReveal', { params: { number }, body: { field, reason: '回电13800138000核实地址' } }, gw.client)
    expect(await reveal('idNumber')).toEqual({ value: LI_ID() })
    expect(await reveal('mobile')).toEqual({ value: '13800138000' })
    expect(await reveal('name')).toEqual({ value: '李明远' })
    expect(accessRows(s).slice(-3)).toEqual(['身份证号', '手机号', '姓名'].map((what) =>
      ({ staff: 'gw-kefu', action: 'reveal', target: number, detail: `查看完整${what}；原因：回电138****8000核实地址` })))
    const log = JSON.stringify(s.db.prepare('SELECT * FROM staff_access_log').all())
    expect([log.includes(LI_ID()), log.includes('李明远'), unmaskedIn(log)]).toEqual([false, false, []])
    const noReason = await failure(callApi('staffReveal', { params: { number }, body: { field: 'mobile', reason: ' ' } }, gw.client))
    expect(noReason.fieldErrors).toEqual([{ path: 'reason', message: '请说明查看原因' }])
  })

  it('should append internal notes in order, masked, that the applicant never sees', async () => {
    clock.set('2026-11-27T02:00:00Z')
    const number = await applyShop(li)
    await callApi('staffNote', { params: { number }, body: { text: '已电话联系13800138000' } }, gw.client)
    clock.set('2026-11-27T03:00:00Z')
    const { notes } = await callApi('staffNote', { params: { number }, body: { text: '约定周一上门装表' } }, admin.client)
    expect(notes.map(({ author, text, at }) => ({ author, text, at }))).toEqual([
      { author: 'gw-kefu', text: '已电话联系138****8000', at: '2026-11-27T02:00:00.000Z' },
      { author: 'wz-admin', text: '约定周一上门装表', at: '2026-11-27T03:00:00.000Z' },
    ])
    expect(JSON.stringify(await callApi('applicationDetail', { params: { number } }, li.client))).not.toContain('约定周一')
    expect(() => s.db.prepare("UPDATE staff_note SET text = 'x'").run()).toThrow(/append-only/)
  })
})

describe('staffUrge', () => {
  it('should append an urged event that leaves the clock alone, notify the handling unit, and show it on the applicant\'s timeline', async () => {
    clock.set('2026-11-26T02:00:00Z')
    const number = await applyShop(li)
    clock.set('2026-11-30T02:00:00Z')
    const before = (await callApi('applicationDetail', { params: { number } }, li.client)).process
    const d = await callApi('staffUrge', { params: { number }, body: { message: '申请人来电催问，请尽快安排' } }, gw.client)
    expect(d.events.at(-1)).toMatchObject({ type: 'urged', stage: 'accept-sign', actor: 'gw-kefu', payload: { message: '申请人来电催问，请尽快安排' } })
    const mine = await callApi('applicationDetail', { params: { number } }, li.client)
    expect(mine.timeline.at(-1)?.text).toBe('已督促供电企业加快办理')
    expect(mine.process).toEqual(before)
    const notice = s.db.prepare("SELECT template, payload_json FROM notification WHERE application_number = ? ORDER BY id DESC LIMIT 1").get(number) as { template: string; payload_json: string }
    expect([notice.template, JSON.parse(notice.payload_json)]).toEqual(['sms-urged-unit', { to: '国网万州供电分公司承办单位', text: `【万州办电】申请${number}已被督促加快办理：申请人来电催问，请尽快安排` }])
    expect((await push(s, clock, [rec(number, 'stage-finish', 'accept-sign')])).code).toBe('00')
  })

  it('should refuse to urge a completed case with ACTION_NOT_ALLOWED', async () => {
    const number = await applyShop(li)
    await walk(s, clock, number)
    const e = await failure(callApi('staffUrge', { params: { number }, body: { message: '请尽快安排' } }, gw.client))
    expect([e.code, e.status]).toEqual(['ACTION_NOT_ALLOWED', 409])
  })
})

describe('staffFollowUp', () => {
  const close = (number: string, note: string, who: SignedInStaff = gw) => callApi('staffFollowUp', { params: { number }, body: { note } }, who.client)

  it('should close a 差评 follow-up once with what the call found (masked), for the owning enterprise only', async () => {
    clock.set('2026-11-26T02:00:00Z')
    const number = await applyShop(li)
    const noFollowUp = await failure(close(number, '已回访'))
    expect([noFollowUp.code, noFollowUp.message]).toEqual(['NOT_FOUND', '该申请没有需要回访的差评'])
    await walk(s, clock, number)
    await callApi('rate', { params: { number }, body: { grade: 2, indicators: {} } }, li.client)
    expect((await view(number)).followUp).toMatchObject({ grade: 2, closed: false, closedAt: null, closedBy: null, note: null })

    expect((await failure(close(number, '已回访', sx))).code).toBe('NOT_FOUND')
    expect((await failure(close(number, ' '))).fieldErrors.map((f) => f.message)).toEqual(['请填写回访情况'])
    clock.set('2026-12-02T03:00:00Z')
    const d = await close(number, '已联系申请人（13800138000），施工延误已致歉')
    expect(d.followUp).toEqual(expect.objectContaining({
      closed: true, closedAt: '2026-12-02T03:00:00.000Z', closedBy: 'gw-kefu', note: '已联系申请人（138****8000），施工延误已致歉',
    }))
    const again = await failure(close(number, '再次回访', admin))
    expect([again.code, again.message]).toEqual(['ACTION_NOT_ALLOWED', '该差评已完成回访'])
    const month = await callApi('staffDashboard', { query: { month: '2026-12' } }, admin.client)
    expect(month.ratings.followUps.find((f) => f.number === number)).toMatchObject({ closed: true })
  })
})

describe('staffUpload', () => {
  it('should stream a case\'s image inline and its PDF as an attachment, each sandboxed, no-store, and log the view', async () => {
    const { number, uploadId } = await applyShopWithPhoto(s, li)
    const res = await rawGet(s, `/api/staff/uploads/${uploadId}`, gw.token)
    expect([res.status, res.headers.get('content-type'), res.headers.get('cache-control')]).toEqual([200, 'image/jpeg', 'no-store'])
    expect(res.headers.get('content-disposition')).toBe(`inline; filename="${uploadId}.jpg"`)
    expect(res.headers.get('content-security-policy')).toMatch(/^sandbox; default-src 'none'/)
    expect(Buffer.from(await res.arrayBuffer())).toEqual(sample('jpeg', 'property-photo'))
    expect(accessRows(s).at(-1)).toEqual({ staff: 'gw-kefu', action: 'upload', target: uploadId, detail: `查看申请${number}的上传文件` })
    const pdf = await hvWithApproval()
    const pdfRes = await rawGet(s, `/api/staff/uploads/${pdf.approval}`, admin.token)
    expect([pdfRes.headers.get('content-type'), pdfRes.headers.get('content-disposition')]).toEqual(['application/pdf', `attachment; filename="${pdf.approval}.pdf"`])
    expect(pdfRes.headers.get('content-security-policy')).toMatch(/^sandbox; default-src 'none'/)
  })

  it('should answer NOT_FOUND for an upload outside the staff member\'s cases, one no case refers to, and an unknown id', async () => {
    const { uploadId } = await applyShopWithPhoto(s, li)
    const loose = await uploaded(s, li, sample('jpeg', 'not attached'))
    const stranger = applicant(s)
    const theirs = await uploaded(s, stranger, sample('jpeg', 'theirs'))
    const code = async (id: string, who: SignedInStaff) => ((await (await rawGet(s, `/api/staff/uploads/${id}`, who.token)).json()) as { code: string }).code
    expect([await code(uploadId, sx), await code(loose, gw), await code(theirs, admin), await code('up_nothing', gw)]).toEqual(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'])
  })
})

describe('personal data in staff answers', () => {
  it('should never answer an unmasked ID number or mobile in any case view, only in a reveal', async () => {
    const isReveal = (body: string) => body.startsWith('{"code":"00","msg":"成功","data":{"value"')
    const answers = [...gw.bodies, ...sx.bodies, ...admin.bodies]
    expect(answers.filter(isReveal)).toHaveLength(3)
    expect(unmaskedIn(answers.filter((b) => !isReveal(b)).join('\n'))).toEqual([])
  })

  it('should list the access log newest first for the admin', async () => {
    const log = await callApi('staffAccessLog', {}, admin.client)
    expect(log.total).toBe(accessRows(s).length)
    expect(log.items[0]).toMatchObject({ staff: 'wz-admin', action: 'upload', at: expect.any(String) })
    expect(log.items.map((i) => i.id)).toEqual([...log.items.map((i) => i.id)].sort((a, b) => b - a))
  })
})
