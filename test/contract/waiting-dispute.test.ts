import type { InProcess } from './support/in-process'
import { failure } from './support/fixtures'
import { applyHv, applyShop, askProperty, dueIn, progressSuite, push, rec, walk, type Owner } from './support/progress-fixtures'
import { staffSignIn } from './support/staff-fixtures'
import { callApi } from '../../src/lib/http/client'

const suite = progressSuite() // Thursday 2026-11-26 10:00 China time
const { clock } = suite
let s: InProcess
let li: Owner
beforeAll(() => { ({ s, li } = suite) })

const notices = (number: string) => (s.db.prepare('SELECT template, payload_json FROM notification WHERE application_number = ? ORDER BY id').all(number) as { template: string; payload_json: string }[])
  .map((n) => [n.template, (JSON.parse(n.payload_json) as { text: string }).text])
const detail = (number: string) => callApi('applicationDetail', { params: { number } }, li.client)

describe('a pause tells the applicant what is awaited, from whom, by when and what to do', () => {
  it('should describe an open 补正 with its materials and due date, and send a message on submit and on the request', async () => {
    const number = await applyShop(li)
    await push(s, clock, [rec(number, 'supplement-request', 'accept-sign', askProperty(clock))])
    const d = await detail(number)
    expect(d.waiting).toEqual({
      kind: 'supplement', title: '需要您补正材料', awaited: '用电地址物权证件', from: '您（申请人）', dueBy: '2026-12-06', dueEstimated: false,
      todo: '在下方上传或从渝快办获取所需材料并提交；提交后立即恢复计时',
      materials: [{ code: 'property-proof', name: '用电地址物权证件', note: '请补充租赁合同及出租方产权证明' }],
      since: clock.now().toISOString(), dispute: null,
    })
    expect(d.actions).toMatchObject({ supplement: true, dispute: true })
    expect(notices(number)).toEqual([
      ['sms-submitted', `您的用电申请${number}：已提交，低压非居民新装（小微企业）承诺7个工作日内办结，进度可在“我的申请”中查看`],
      ['sms-supplement-requested', `您的用电申请${number}：需要补正材料：用电地址物权证件（请补充租赁合同及出租方产权证明），期限2026-12-06，请在“我的申请”中提交；如不是您的原因，可在页面上提出异议`],
    ])
  })

  it('should move the expected date to the pause\'s due date plus the working days left, and send a message on the pause', async () => {
    const number = await applyShop(li)
    await push(s, clock, [rec(number, 'stage-finish', 'accept-sign'), rec(number, 'stage-start', 'build-connect')])
    const before = (await detail(number)).process
    expect([before.expectedBy, before.remainingDays]).toEqual(['2026-12-07', 7])
    await push(s, clock, [rec(number, 'pause', 'build-connect', { pauseReason: 'appointment-moved', dueBy: '2026-12-09' })])
    const d = await detail(number)
    // the clock may run again from 12-09 at the latest; 7 working days after it is 12-18
    expect(d.process).toMatchObject({ state: 'paused', expectedBy: '2026-12-18', remainingDays: 7 })
    expect(d.waiting).toMatchObject({ kind: 'pause', title: '暂停计时：申请人改约上门时间', from: '您（申请人）', dueBy: '2026-12-09', todo: '请在约定时间保持电话畅通、现场有人' })
    expect(notices(number).at(-1)).toEqual(['sms-paused', `您的用电申请${number}：施工接电环节暂停计时（申请人改约上门时间），等待按您改约的时间，供电企业上门勘查或装表，期限2026-12-09；如不是您的原因，可在“我的申请”中提出异议`])
    await push(s, clock, [rec(number, 'resume')])
    expect((await detail(number)).process.expectedBy).toBe('2026-12-07')
  })
})

describe('the applicant can dispute a pause or 补正 once; staff are told and it is logged', () => {
  it('should record 这不是我的原因 with a note, tell the handling unit, and refuse a second dispute', async () => {
    const number = await applyShop(li)
    await push(s, clock, [rec(number, 'stage-finish', 'accept-sign'), rec(number, 'stage-start', 'build-connect')])
    await push(s, clock, [rec(number, 'pause', 'build-connect', { pauseReason: 'appointment-moved', dueBy: dueIn(clock, 3) })])
    const d = await callApi('dispute', { params: { number }, body: { kind: 'not-mine', note: '我没有改约，请联系13800138000' } }, li.client)
    expect(d.waiting?.dispute).toEqual({ kind: 'not-mine', at: clock.now().toISOString() })
    expect(d.actions.dispute).toBe(false)
    expect(d.process.state).toBe('paused')
    expect(d.timeline.at(-1)?.text).toBe('您提出异议：这不是我的原因：我没有改约，请联系138****8000，已转工作人员核实')
    expect(notices(number).at(-1)).toEqual(['sms-disputed-unit', `【万州办电】申请${number}的申请人对暂停计时提出异议：这不是我的原因，我没有改约，请联系138****8000，请核实`])
    const again = await failure(callApi('dispute', { params: { number }, body: { kind: 'done' } }, li.client))
    expect([again.code, again.message]).toEqual(['ACTION_NOT_ALLOWED', '您已对这次暂停提出过异议，工作人员正在核实'])
  })

  it('should refuse a dispute when the clock is running, and a kind outside the two', async () => {
    const number = await applyShop(li)
    const running = await failure(callApi('dispute', { params: { number }, body: { kind: 'done' } }, li.client))
    expect([running.code, running.message]).toEqual(['ACTION_NOT_ALLOWED', '当前没有暂停计时或补正要求'])
    const bad = await failure(callApi('dispute', { params: { number }, body: { kind: 'whatever' as never } }, li.client))
    expect([bad.code, bad.fieldErrors[0]?.message]).toEqual(['VALIDATION_FAILED', '请选择“我已提交”或“这不是我的原因”'])
  })
})

describe('a date in a year whose holidays are not published is flagged wherever it is shown', () => {
  it('should flag the expected date as an estimate in the applicant list, the detail and the staff row', async () => {
    clock.set('2026-12-28T02:00:00Z') // 7 working days later lies in 2027
    const number = await applyShop(li)
    const listed = (await callApi('myApplications', {}, li.client)).items.find((a) => a.number === number)
    expect(listed).toMatchObject({ expectedBy: '2027-01-06', estimated: true })
    expect((await detail(number)).process).toMatchObject({ expectedBy: '2027-01-06', estimated: true })
    const staff = await staffSignIn(s, 'gw-kefu')
    const row = (await callApi('staffSearch', { query: { q: number } }, staff.client)).items[0]
    expect(row).toMatchObject({ number, expectedBy: '2027-01-06', estimated: true })
  })
})

describe('every case is read against both targets: the plan\'s and the national one (据报道)', () => {
  it('should wait for staff to record external line works before judging the national target, then hold it to 5 or 15 days', async () => {
    clock.set('2026-11-26T02:00:00Z')
    const number = await applyShop(li)
    const before = await detail(number)
    expect(before.externalWorks).toBeNull()
    expect(before.targets).toEqual([
      { code: 'plan-2021', name: '万州2021年实施方案', reported: false, days: 7, kind: 'max', status: 'within', note: '不超过7个工作日', average: null },
      { code: 'national-2025', name: '国家2025年获得电力意见（据报道）', reported: true, days: null, kind: null, status: 'unknown', note: '待工作人员确认是否需要外部线路工程', average: null },
    ])
    const staff = await staffSignIn(s, 'gw-kefu')
    const v = await callApi('staffExternalWorks', { params: { number }, body: { needed: false, note: '现场勘查：表箱已具备，无需外线' } }, staff.client)
    expect(v.application.externalWorks).toBe(false)
    expect(v.events.at(-1)).toMatchObject({ text: '记录是否需要外部线路工程', actorName: '工作人员 国网万州客服（演示）', details: [{ label: '外部线路工程', value: '不需要' }, { label: '说明', value: '现场勘查：表箱已具备，无需外线' }] })
    clock.set('2026-12-04T02:00:00Z') // 6 working days: within the plan's 7, over the national 5
    const d = await detail(number)
    expect(d.targets.map((t) => [t.code, t.days, t.status])).toEqual([['plan-2021', 7, 'within'], ['national-2025', 5, 'over']])
    expect(d.timeline.some((t) => t.text === '供电企业确认：不需要外部线路工程')).toBe(true)
  })

  it('should hold an urban 10 kV case to the 28-day average, late only past the labelled per-case ceiling, and a rural one to none', async () => {
    clock.set('2026-11-26T02:00:00Z')
    const rural = await applyHv(s, li) // 瀼渡镇
    clock.set('2027-01-07T02:00:00Z') // about 29 working days later
    const d = await detail(rural)
    expect(d.process.usedDays).toBeGreaterThan(28)
    expect(d.process.state).toBe('in-progress') // an average is no per-case deadline
    expect(d.targets[0]).toMatchObject({ code: 'plan-2021', status: 'not-applicable', note: '农村10千伏用户不适用该时限' })
    const staff = await staffSignIn(s, 'gw-kefu')
    const failed = await failure(callApi('staffExternalWorks', { params: { number: rural }, body: { needed: true, note: '' } }, staff.client))
    expect(failed.fieldErrors[0]?.message).toBe('请说明依据（如现场勘查结论）')
  })

  it('should show an urban 10 kV case its own days beside the enterprise\'s running urban 10 kV average against 28', async () => {
    clock.set('2026-11-26T02:00:00Z')
    const done = await applyHv(s, li, '500101001') // 高笋塘街道: urban
    const open = await applyHv(s, li, '500101017')
    expect((await detail(open)).targets[0]).toMatchObject({ code: 'plan-2021', kind: 'average', days: 28, average: null })
    await walk(s, clock, done)
    const completed = await detail(done)
    expect(completed.process.state).toBe('completed')
    const d = await detail(open)
    expect(d.targets[0]).toMatchObject({ code: 'plan-2021', kind: 'average', days: 28, status: 'within' })
    expect(d.targets[0].average).toEqual({ days: completed.process.usedDays, cases: 1, supplierName: '国网万州供电分公司', since: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) })
    expect(d.targets[1].average).toBeNull() // the national bar has no average
  })
})
