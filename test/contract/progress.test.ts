import type { InProcess } from './support/in-process'
import { DEMO, clientFor, failure } from './support/fixtures'
import { applicant } from './support/licence-fixtures'
import { applyHv, applyShop, eventRows, progressSuite, walk, type Owner } from './support/progress-fixtures'
import { callApi } from '../../src/lib/http/client'
import { advanceCase } from '../../mock/cli/advance-case'

const suite = progressSuite()
const { clock } = suite
let s: InProcess
let li: Owner
beforeAll(() => { ({ s, li } = suite) })

const detail = (number: string, a: { client: Owner['client'] } = li) => callApi('applicationDetail', { params: { number } }, a.client)
const LI_ID = () => (s.db.prepare('SELECT id_number FROM ykb_identity WHERE id = ?').get(DEMO.li) as { id_number: string }).id_number

describe('my applications and detail', () => {
  it('should list the applicant\'s cases newest first and show the detail of a new one with contract, materials and actions', async () => {
    clock.set('2026-11-26T02:00:00Z')
    const first = await applyShop(li)
    clock.advance(60_000)
    const second = await applyShop(li)
    const { items } = await callApi('myApplications', {}, li.client)
    expect(items.slice(0, 2).map((i) => i.number)).toEqual([second, first])
    expect(items[0]).toEqual({
      number: second, serviceName: '低压非居民新装（小微企业）', townshipName: '瀼渡镇', submittedAt: '2026-11-26T02:01:00.000Z',
      state: 'in-progress', currentStageName: '受理签约', remainingDays: 7, expectedBy: '2026-12-07', estimated: false, jointNumber: null,
    })
    const d = await detail(second)
    expect(d).toMatchObject({ service: 'lv-business', supplierName: '国网万州供电分公司', address: '重庆市万州区瀼渡镇演示街8号1幢1-1', feeYuan: 0, supplement: null, rating: null })
    expect(d.process).toMatchObject({ state: 'in-progress', usedDays: 0, currentStage: 'accept-sign', limitKind: 'max' })
    expect(d.timeline.map((t) => t.text)).toEqual(['提交申请', '受理签约 开始', '在线签订《低压供用电合同》'])
    expect(d.contract).toMatchObject({ method: 'tap', signedAt: '2026-11-26T02:01:00.000Z', hash: expect.stringMatching(/^[0-9a-f]{64}$/) })
    expect(d.materials.map((m) => [m.kind, m.holderNameMasked])).toEqual([['id-card', '李**'], ['property', '李**']])
    expect(d.actions).toEqual({ withdraw: true, supplement: false, dispute: false, rate: false, propertyProof: false, complain: true, checkpointUpload: null })
    const all = li.bodies.join('\n')
    expect(all).not.toContain(LI_ID())
    expect(all).not.toContain('13800138000')
  })

  it('should answer NOT_FOUND to another applicant and for an unknown number, and UNAUTHENTICATED without a session', async () => {
    const number = await applyShop(li)
    const wang = applicant(s, { identity: DEMO.wang })
    const calls = [
      () => callApi('applicationDetail', { params: { number } }, wang.client),
      () => callApi('withdraw', { params: { number }, body: { reason: '不想办了' } }, wang.client),
      () => callApi('rate', { params: { number }, body: { grade: 1 } }, wang.client),
      () => callApi('subscribe', { params: { number }, body: { accepted: ['tmpl-1'] } }, wang.client),
    ]
    for (const call of calls) expect((await failure(call())).code).toBe('NOT_FOUND')
    expect((await failure(detail('WZ20200101000001'))).code).toBe('NOT_FOUND')
    expect((await failure(callApi('applicationDetail', { params: { number } }, clientFor(s)))).code).toBe('UNAUTHENTICATED')
    expect((await callApi('myApplications', {}, wang.client)).items).toEqual([])
  })
})

describe('a full walk through the supply enterprise\'s pushes', () => {
  it('should complete a lv-business case in 3 working days when the CLI\'s next step is pushed four times', async () => {
    clock.set('2026-11-26T02:00:00Z')
    const number = await applyShop(li)
    const steps: string[] = []
    for (const at of ['2026-11-27T02:00:00Z', '2026-11-27T03:00:00Z', '2026-12-01T02:00:00Z', '2026-12-01T03:00:00Z', '2026-12-02T02:00:00Z']) {
      clock.set(at)
      const step = await advanceCase({ db: s.db, base: s.url, number, now: clock.now })
      steps.push(step ? `${step.step.action} ${step.step.stage ?? ''}`.trim() : 'nothing')
    }
    expect(steps).toEqual(['stage-finish accept-sign', 'stage-start build-connect', 'stage-finish build-connect', 'complete', 'nothing'])
    const d = await detail(number)
    expect(d.process).toEqual({
      state: 'completed', usedDays: 3, pausedDays: 0, limitDays: 7, limitKind: 'max', remainingDays: 4, expectedBy: '2026-12-01', estimated: false, currentStage: null,
    })
    expect(d.stages.map((st) => [st.code, st.state, st.usedDays, st.handler])).toEqual([['accept-sign', 'done', 1, '演示工作人员'], ['build-connect', 'done', 2, '演示工作人员']])
    expect(d.timeline.map((t) => t.text).slice(3)).toEqual(['受理签约 完成：受理签约已完成', '施工接电 开始', '施工接电 完成：施工接电已完成', '已办结：已送电，办结'])
    expect(d.actions).toEqual({ withdraw: false, supplement: false, dispute: false, rate: true, propertyProof: false, complain: true, checkpointUpload: null })
  })

  it('should walk a hv-10kv case through 设计审查, 中间检查 and 竣工检验 inside 外部工程实施 to completion', async () => {
    const number = await applyHv(s, li)
    expect(await walk(s, clock, number)).toEqual([
      'stage-finish apply-accept', 'stage-start supply-plan', 'stage-finish supply-plan', 'stage-start external-works',
      'stage-start design-review', 'stage-finish design-review', 'stage-start mid-inspection', 'stage-finish mid-inspection',
      'stage-start completion-inspection', 'stage-finish completion-inspection', 'stage-finish external-works',
      'stage-start meter-connect', 'stage-finish meter-connect', 'complete',
    ])
    const d = await detail(number)
    expect(d.process).toMatchObject({ state: 'completed', limitDays: 28, limitKind: 'average', currentStage: null })
    expect(d.stages.map((st) => st.state)).toEqual(['done', 'done', 'done', 'done'])
    expect(d.stages[2].checkpoints.map((c) => [c.code, c.state])).toEqual([['design-review', 'done'], ['mid-inspection', 'done'], ['completion-inspection', 'done']])
  })
})

describe('the stage history is append-only', () => {
  it('should leave every earlier event unchanged whatever the endpoints do, and refuse UPDATE and DELETE', async () => {
    const number = await applyShop(li)
    const before = eventRows(s)
    await walk(s, clock, number, 2)
    await callApi('withdraw', { params: { number }, body: { reason: '地址有变化，重新申请' } }, li.client)
    await callApi('rate', { params: { number }, body: { grade: 5 } }, li.client)
    await failure(callApi('rate', { params: { number }, body: { grade: 4 } }, li.client))
    const after = eventRows(s)
    expect(after.slice(0, before.length)).toEqual(before)
    expect(after.slice(before.length).map((e) => e.type)).toEqual(['stage-finished', 'stage-started', 'withdrawn', 'rated'])
    expect(() => s.db.prepare("UPDATE application_event SET at = '2020-01-01T00:00:00.000Z' WHERE application_number = ?").run(number)).toThrow(/append-only/)
    expect(() => s.db.prepare('DELETE FROM application_event WHERE application_number = ?').run(number)).toThrow(/append-only/)
  })
})
