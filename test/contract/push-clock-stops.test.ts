import type { InProcess } from './support/in-process'
import { applyHv, applyShop, askProperty, countRows, dueIn, progressSuite, push, rec, walk, type Owner, type RecordInput } from './support/progress-fixtures'
import { callApi } from '../../src/lib/http/client'

const suite = progressSuite()
const { clock } = suite
let s: InProcess
let li: Owner
beforeAll(() => { ({ s, li } = suite) })

const counts = () => ['application_event', 'push_record', 'notification'].map((table) => countRows(s, table))
type Step = [RecordInput['action'], string | undefined, Partial<RecordInput>?]
const intoBuild: Step[] = [['stage-finish', 'accept-sign'], ['stage-start', 'build-connect']]

describe('push: a supply enterprise cannot stop its own clock at will (PUSH_NOT_ALLOWED, nothing stored)', () => {
  it.each([
    ['a pause with no reason', 'lv', [], ['pause', 'accept-sign', { dueBy: 'D' }],
      '暂停计时须在 pauseReason 中写明申请人方面的原因：customer-works（用户侧工程施工）、appointment-moved（申请人改约上门时间）；供电企业自身原因不暂停计时'],
    ['a 客户侧施工 pause on a low-voltage stage not started', 'lv', [], ['pause', 'build-connect', { pauseReason: 'customer-works', dueBy: 'D' }],
      '施工接电未在办理中，不能因用户侧工程施工暂停计时'],
    ['a 客户侧施工 pause on a running low-voltage stage', 'lv', intoBuild, ['pause', 'build-connect', { pauseReason: 'customer-works', dueBy: 'D' }],
      '施工接电环节不能因用户侧工程施工暂停计时'],
    ['a 10 kV customer-works pause before 外部工程实施', 'hv', [], ['pause', 'apply-accept', { pauseReason: 'customer-works', dueBy: 'D' }],
      '申请受理环节不能因用户侧工程施工暂停计时'],
    ['a pause without a due date', 'lv', intoBuild, ['pause', 'build-connect', { pauseReason: 'appointment-moved' }],
      '须在 dueBy 中写明所等待事项的期限（日期）'],
    ['a pause due in the past', 'lv', intoBuild, ['pause', 'build-connect', { pauseReason: 'appointment-moved', dueBy: '2026-11-01' }],
      '期限2026-11-01已过，须晚于或等于今天（2026-11-26）'],
    ['a 补正 naming a stage that does not exist', 'lv', [], ['supplement-request', 'survey', { materials: [{ code: 'id-card' }], dueBy: 'D' }],
      '低压非居民新装（小微企业）没有“survey”环节，不能要求补正'],
    ['a 补正 naming no stage', 'lv', [], ['supplement-request', undefined, { materials: [{ code: 'id-card' }], dueBy: 'D' }],
      '须在 stage 中写明要求补正所在的环节'],
    ['a 补正 during 施工接电', 'lv', intoBuild, ['supplement-request', 'build-connect', { materials: [{ code: 'property-proof' }], dueBy: 'D' }],
      '施工接电环节不能要求申请人补正材料'],
    ['a 补正 with free text and no materials', 'lv', [], ['supplement-request', 'accept-sign', { opinion: '请提供营业执照副本、消防验收合格证和电工证', dueBy: 'D' }],
      '补正须在 materials 中列出所需材料，受理签约环节只能是：用电人有效身份证件、统一社会信用代码、用电地址物权证件、授权委托书、经办人有效身份证件'],
    ['a 补正 of a checkpoint material at acceptance', 'lv', [], ['supplement-request', 'accept-sign', { materials: [{ code: 'property-proof' }, { code: 'completion-report' }], dueBy: 'D' }],
      '受理签约环节不能要求补正“completion-report”，只能是：用电人有效身份证件、统一社会信用代码、用电地址物权证件、授权委托书、经办人有效身份证件'],
    ['a 补正 in a stage that finished', 'lv', intoBuild, ['supplement-request', 'accept-sign', { materials: [{ code: 'property-proof' }], dueBy: 'D' }],
      '受理签约未在办理中，不能要求补正'],
  ] as [string, 'lv' | 'hv', Step[], Step, string][])('should refuse %s', async (_label, kind, before, [action, stage, extra], message) => {
    const number = kind === 'lv' ? await applyShop(li) : await applyHv(s, li)
    if (before.length) await push(s, clock, before.map(([a, st]) => rec(number, a, st)))
    const stored = counts()
    const fields = { ...extra, ...(extra?.dueBy === 'D' ? { dueBy: dueIn(clock) } : {}) }
    const r = await push(s, clock, [rec(number, action, stage, fields)])
    expect([r.code, r.status]).toEqual(['PUSH_NOT_ALLOWED', 422])
    expect(r.errors).toEqual([{ path: 'records.0', message }])
    expect(counts()).toEqual(stored)
  })

  it('should refuse a free-form material code at the schema (VALIDATION_FAILED names the field)', async () => {
    const number = await applyShop(li)
    const r = await push(s, clock, [rec(number, 'supplement-request', 'accept-sign', { materials: [{ code: 'fire-certificate' as never }], dueBy: dueIn(clock) })])
    expect(r.code).toBe('VALIDATION_FAILED')
    expect(r.errors?.[0].path).toBe('records.0.materials.0.code')
  })

  it('should refuse a correction that turns an allowed pause into one the plan forbids', async () => {
    const number = await applyShop(li)
    await push(s, clock, intoBuild.map(([a, st]) => rec(number, a, st)))
    const pause = rec(number, 'pause', 'build-connect', { pauseReason: 'appointment-moved', dueBy: dueIn(clock, 3) })
    expect((await push(s, clock, [pause])).code).toBe('00')
    const r = await push(s, clock, [rec(number, 'correct', undefined, { corrects: pause.recordId, pauseReason: 'customer-works' })])
    expect(r.errors).toEqual([{ path: 'records.0', message: '施工接电环节不能因用户侧工程施工暂停计时' }])
  })
})

describe('push: the pauses and 补正 the plan allows are stored and told as they are', () => {
  it('should store a 补正 of the property proof at acceptance and show the material and due date, not free text', async () => {
    const number = await applyShop(li)
    const due = dueIn(clock)
    const r = await push(s, clock, [rec(number, 'supplement-request', 'accept-sign', askProperty(clock))])
    expect(r.code).toBe('00')
    const d = await callApi('applicationDetail', { params: { number } }, li.client)
    expect(d.timeline.at(-1)?.text).toBe(`需要补正材料：用电地址物权证件（请补充租赁合同及出租方产权证明），期限${due}`)
    expect(d.process.state).toBe('paused')
  })

  it('should store a customer-works pause inside a 10 kV checkpoint and name what is awaited', async () => {
    const number = await applyHv(s, li)
    await walk(s, clock, number, 4) // 申请受理 finished, 供电方案答复 started and finished, 外部工程实施 started
    await push(s, clock, [rec(number, 'stage-start', 'design-review')])
    const due = dueIn(clock, 30)
    expect((await push(s, clock, [rec(number, 'pause', 'design-review', { pauseReason: 'customer-works', dueBy: due })])).code).toBe('00')
    const d = await callApi('applicationDetail', { params: { number } }, li.client)
    expect(d.timeline.at(-1)?.text).toBe(`暂停计时：用户侧工程施工，等待您委托的有资质单位完成产权分界点以内的用户侧工程，期限${due}`)
  })
})
