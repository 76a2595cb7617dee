import type { InProcess } from './support/in-process'
import { failure } from './support/fixtures'
import { applicant } from './support/licence-fixtures'
import { applyHv, applyShop, askProperty, insertOwnUpload, progressSuite, push, rec, walk, type Owner } from './support/progress-fixtures'
import { callApi } from '../../src/lib/http/client'

const suite = progressSuite()
const { clock } = suite
let s: InProcess
let li: Owner
beforeAll(() => { ({ s, li } = suite) })

const detail = (number: string) => callApi('applicationDetail', { params: { number } }, li.client)
const lastText = async (number: string) => (await detail(number)).timeline.at(-1)?.text

describe('supplement (补正)', () => {
  it('should pause the clock on a supplement request and resume it when the applicant supplements', async () => {
    clock.set('2026-11-30T02:00:00Z') // Monday
    const number = await applyShop(li)
    await push(s, clock, [rec(number, 'supplement-request', 'accept-sign', askProperty(clock))])
    clock.set('2026-12-02T02:00:00Z')
    const paused = await detail(number)
    // the 补正 is due 12-10: the clock may stand until then, and 7 working days follow it
    expect(paused.process).toMatchObject({ state: 'paused', usedDays: 0, pausedDays: 2, expectedBy: '2026-12-21' })
    expect(paused.stages[0].state).toBe('paused')
    expect(paused.supplement).toEqual({ message: '请补充租赁合同及出租方产权证明', requestedAt: '2026-11-30T02:00:00.000Z' })
    expect(paused.actions.supplement).toBe(true)

    const stranger = insertOwnUpload(s, applicant(s))
    const refused = await failure(callApi('supplement', { params: { number }, body: { uploadIds: [stranger] } }, li.client))
    expect(refused.fieldErrors).toEqual([{ path: 'uploadIds.0', message: '未找到该上传文件，请重新上传' }])

    const resumed = await callApi('supplement', { params: { number }, body: { uploadIds: [insertOwnUpload(s, li)], materialIds: [li.property], note: '已补充租赁合同' } }, li.client)
    expect(resumed.process).toMatchObject({ state: 'in-progress', usedDays: 0, pausedDays: 2 })
    expect(resumed.supplement).toBeNull()
    expect(resumed.timeline.at(-1)?.text).toBe('已提交补正材料，恢复计时')
    expect(s.db.prepare('SELECT COUNT(*) AS n FROM supplement_file WHERE application_number = ?').get(number)).toEqual({ n: 2 })
    clock.set('2026-12-03T02:00:00Z')
    expect((await detail(number)).process).toMatchObject({ usedDays: 1, pausedDays: 2, remainingDays: 6 })
    const again = await failure(callApi('supplement', { params: { number }, body: { uploadIds: [insertOwnUpload(s, li)] } }, li.client))
    expect([again.code, again.status]).toEqual(['ACTION_NOT_ALLOWED', 409])
  })
})

describe('withdraw (撤件)', () => {
  it('should withdraw a case in progress, offer only 好差评 (one rating per 办件), and refuse the enterprise\'s later pushes', async () => {
    const number = await applyShop(li)
    const short = await failure(callApi('withdraw', { params: { number }, body: { reason: ' ' } }, li.client))
    expect(short.fieldErrors).toEqual([{ path: 'reason', message: '请简要说明撤回原因' }])
    const d = await callApi('withdraw', { params: { number }, body: { reason: '地址填错了，重新申请' } }, li.client)
    expect(d.process.state).toBe('withdrawn')
    expect(d.actions).toEqual({ withdraw: false, supplement: false, dispute: false, rate: true, propertyProof: false, complain: true, checkpointUpload: null })
    expect(d.timeline.at(-1)?.text).toBe('已撤回申请：地址填错了，重新申请')
    const pushed = await push(s, clock, [rec(number, 'stage-finish', 'accept-sign')])
    expect(pushed.errors).toEqual([{ path: 'records.0', message: '该办件已撤回，不能再记录办理环节' }])
    expect((await failure(callApi('withdraw', { params: { number }, body: { reason: '再撤一次' } }, li.client))).code).toBe('ACTION_NOT_ALLOWED')
  })
})

describe('10 kV checkpoint materials', () => {
  it('should take exactly the running checkpoint\'s material codes, from the applicant\'s own uploads', async () => {
    const number = await applyHv(s, li)
    const up = () => insertOwnUpload(s, li)
    const early = await failure(callApi('checkpointMaterials', { params: { number }, body: { stage: 'design-review', files: { 'design-qualification': [up()], 'design-documents': [up()] } } }, li.client))
    expect(early.code).toBe('ACTION_NOT_ALLOWED')
    await walk(s, clock, number, 5) // ... external-works started, design-review started
    expect((await detail(number)).actions.checkpointUpload).toEqual({ stage: 'design-review', materials: ['design-qualification', 'design-documents'] })
    const wrongStage = await failure(callApi('checkpointMaterials', { params: { number }, body: { stage: 'mid-inspection', files: { 'construction-qualification': [up()], 'hidden-works-records': [up()] } } }, li.client))
    expect(wrongStage.code).toBe('ACTION_NOT_ALLOWED')
    const stranger = insertOwnUpload(s, applicant(s))
    const wrongCodes = await failure(callApi('checkpointMaterials', { params: { number }, body: { stage: 'design-review', files: { 'design-qualification': [stranger], 'completion-report': [up()] } } }, li.client))
    expect(wrongCodes.fieldErrors).toEqual([
      { path: 'files.design-documents', message: '请上传用电工程设计及说明书' },
      { path: 'files.completion-report', message: '该环节不需要这项材料' },
      { path: 'files.design-qualification.0', message: '未找到该上传文件，请重新上传' },
    ])
    const ok = await callApi('checkpointMaterials', { params: { number }, body: { stage: 'design-review', files: { 'design-qualification': [up()], 'design-documents': [up(), up()] } } }, li.client)
    expect(ok.timeline.at(-1)?.text).toBe('已上传设计审查材料')
    expect(s.db.prepare('SELECT COUNT(*) AS n FROM checkpoint_file WHERE application_number = ? AND stage = ?').get(number, 'design-review')).toEqual({ n: 3 })
  })

  it('should offer no checkpoint upload on a low-voltage case', async () => {
    const number = await applyShop(li)
    expect((await detail(number)).actions.checkpointUpload).toBeNull()
    const e = await failure(callApi('checkpointMaterials', { params: { number }, body: { stage: 'design-review', files: { 'design-qualification': [insertOwnUpload(s, li)] } } }, li.client))
    expect(e.code).toBe('ACTION_NOT_ALLOWED')
  })
})

describe('notifications', () => {
  it('should queue a WeChat subscribe message per accepted template, then fall back to SMS to the masked mobile', async () => {
    const number = await applyShop(li)
    const sub = await callApi('subscribe', { params: { number }, body: { accepted: ['tmpl-progress', 'tmpl-progress', 'tmpl-done'] } }, li.client)
    expect(sub.accepted).toEqual(['tmpl-progress', 'tmpl-done'])
    await walk(s, clock, number)
    const rows = s.db.prepare('SELECT kind, template, payload_json FROM notification WHERE application_number = ? ORDER BY id').all(number) as { kind: string; template: string; payload_json: string }[]
    expect(rows.map((r) => [r.kind, r.template])).toEqual([
      ['sms', 'sms-submitted'], // before any subscription was accepted
      ['wechat-subscribe', 'tmpl-progress'], ['wechat-subscribe', 'tmpl-done'], ['sms', 'sms-stage-finished'], ['sms', 'sms-completed'],
    ])
    expect(JSON.parse(rows[4].payload_json)).toEqual({ to: '138****8000', text: `您的用电申请${number}：已办结，欢迎对本次服务进行评价` })
    expect(await lastText(number)).toBe('已办结：已送电，办结')
  })
})
