// 水电气讯 一件事一次办: one submission with water and gas added (telecom refused), each agreed part a case of its
// own with its own number, clock and promised date, sent to its utility through the durable outbox, worked by the
// simulated utility and pushed back; each provider's staff see only their part.
import type { AnswersInput } from '../../src/contract/answers'
import { callApi } from '../../src/lib/http/client'
import { BUNDLED_CALENDAR, createCalendar } from '../../src/core/calendar/calendar'
import { clientFor, failure, newDraft, shopAnswers, signedBody, submit } from './support/fixtures'
import { latestLookupCode } from './support/sms'
import { advanceCase } from '../../mock/cli/advance-case'
import { staffSignIn } from './support/staff-fixtures'
import { progressSuite } from './support/progress-fixtures'

const suite = progressSuite() // 李明远 with authorised e-licences, Thursday 2026-11-26 10:00 in China

let s: typeof suite.s, li: typeof suite.li
beforeAll(() => { ({ s, li } = suite) })

const jointAnswers = (telecom: 'given' | 'refused' = 'refused'): AnswersInput => ({
  ...shopAnswers(li),
  joint: [
    { service: 'water-connect', answers: { waterUse: 'business', people: 6 }, consent: 'given' },
    { service: 'gas-connect', answers: { appliances: 'commercial' }, consent: 'given' },
    { service: 'telecom-connect', answers: { bandwidth: '300' }, consent: telecom },
  ],
})
const rows = <T>(sql: string, ...args: unknown[]) => s.db.prepare(sql).all(...args) as T[]

async function applyJoint(answers = jointAnswers()) {
  const body = await signedBody(li, await newDraft(li), answers)
  return { body, receipt: await submit(li, body) }
}

describe('one application for electricity, water and gas', () => {
  it('should answer one 一件事 number and a case per agreed utility, each with its own promised date; a refusal drops only that part', async () => {
    const { receipt } = await applyJoint()
    expect(receipt.number).toMatch(/^WZ20261126\d{6}$/)
    expect(receipt.joint?.number).toMatch(/^YJ20261126\d{6}$/)
    const calendar = createCalendar(BUNDLED_CALENDAR)
    expect(receipt.joint?.parts).toEqual([
      expect.objectContaining({ serviceName: '用水报装', supplierName: '万州区供水企业（示例）', limitDays: 9, expectedBy: calendar.addWorkingDays(new Date(receipt.submittedAt), 9).date }),
      expect.objectContaining({ serviceName: '用气报装', supplierName: '万州区燃气企业（示例）', limitDays: 10, expectedBy: calendar.addWorkingDays(new Date(receipt.submittedAt), 10).date }),
    ])
    expect(receipt.joint?.declined).toEqual(['宽带报装'])
    const numbers = [receipt.number, ...(receipt.joint?.parts ?? []).map((p) => p.number)]
    expect(new Set(numbers).size).toBe(3)
    const apps = rows<{ number: string; service: string; supplier: string; joint_number: string; answers_json: string }>(
      'SELECT number, service, supplier, joint_number, answers_json FROM application WHERE joint_number = ? ORDER BY number', receipt.joint?.number)
    expect(apps.map((a) => [a.service, a.supplier])).toEqual([['lv-business', 'sgcc-wanzhou'], ['water-connect', 'wz-water'], ['gas-connect', 'wz-gas']])
    // each case keeps only its own added answers: the electricity case none, the water case the water answers
    expect(JSON.parse(apps[0].answers_json).joint).toBeUndefined()
    expect(JSON.parse(apps[1].answers_json).joint).toEqual([{ service: 'water-connect', answers: { waterUse: 'business', people: 6 }, consent: 'given' }])
    expect(rows('SELECT service, provider, decision FROM joint_consent WHERE joint_number = ? ORDER BY service', receipt.joint?.number)).toEqual([
      { service: 'gas-connect', provider: 'wz-gas', decision: 'given' },
      { service: 'telecom-connect', provider: 'wz-telecom', decision: 'refused' },
      { service: 'water-connect', provider: 'wz-water', decision: 'given' },
    ])
    // the receipt is kept whole: asking again answers the same 一件事
    expect(await callApi('receipt', { params: { number: receipt.number } }, li.client)).toEqual(receipt)
  })

  it('should queue exactly the data items each consent named, to that provider only, in the submission itself', async () => {
    const { receipt } = await applyJoint()
    const outbox = rows<{ provider: string; case_number: string; payload_json: string; state: string }>(
      'SELECT provider, case_number, payload_json, state FROM utility_outbox WHERE case_number IN (?, ?) ORDER BY id', ...(receipt.joint?.parts ?? []).map((p) => p.number))
    expect(outbox.map((o) => o.provider)).toEqual(['wz-water', 'wz-gas'])
    const water = JSON.parse(outbox[0].payload_json)
    expect(Object.keys(water).sort()).toEqual(['address', 'answers', 'businessName', 'creditCode', 'idNumber', 'jointNumber', 'mobile', 'name', 'property', 'service', 'serviceName'])
    expect(water).toMatchObject({ jointNumber: receipt.joint?.number, service: 'water-connect', answers: { waterUse: 'business', people: 6 }, mobile: '13800138000' })
    expect(water.address).toContain('瀼渡镇')
    expect(JSON.parse(outbox[1].payload_json).answers).toEqual({ appliances: 'commercial' })
    expect(rows('SELECT 1 FROM utility_outbox WHERE provider = ? AND case_number = ?', 'wz-telecom', receipt.number)).toEqual([])
  })

  it('should refuse a submission until every added utility has a consent decision, naming the recipient', async () => {
    const answers = jointAnswers()
    delete answers.joint?.[1].consent
    const draftId = await newDraft(li)
    const e = await failure(submit(li, await signedBody(li, draftId, answers)))
    expect(e.code).toBe('VALIDATION_FAILED')
    expect(e.fieldErrors).toEqual([{ path: 'answers.joint.1.consent', message: '请选择是否同意向万州区燃气企业（示例）提供办理所需的信息' }])
    expect(rows('SELECT 1 FROM application WHERE draft_id = ?', draftId)).toEqual([])
  })

  it('should refuse an added answer outside its options, and water as the application\'s own service', async () => {
    const answers = jointAnswers()
    answers.joint![0].answers = { waterUse: 'pool', people: 6 }
    const e = await failure(submit(li, await signedBody(li, await newDraft(li), answers)))
    expect(e.fieldErrors).toEqual([{ path: 'answers.joint.0.answers.waterUse', message: '请选择用水的用水性质' }])
    const alone = await failure(submit(li, { draftId: await newDraft(li), answers: { ...shopAnswers(li), service: 'water-connect' } }))
    expect(alone.code).toBe('VALIDATION_FAILED')
    expect(alone.fieldErrors[0]?.path).toBe('answers.service')
  })

  it('should deliver each part to its utility, which works it and pushes its stages back to the applicant\'s case', async () => {
    const { receipt } = await applyJoint()
    const water = receipt.joint!.parts[0].number
    const before = (await callApi('applicationDetail', { params: { number: receipt.number } }, li.client)).joint
    expect(before?.number).toBe(receipt.joint?.number)
    expect(before?.parts.map((p) => [p.serviceName, p.delivery, p.state])).toEqual([
      ['低压非居民新装（小微企业）', 'direct', 'in-progress'], ['用水报装', 'receiving', 'in-progress'], ['用气报装', 'receiving', 'in-progress'],
    ])
    await s.utilities.dispatcher.runOnce()
    const sim = s.utilities.simulator!
    expect(rows('SELECT state, last_status, last_error FROM utility_outbox WHERE case_number = ?', water)).toEqual([{ state: 'delivered', last_status: 200, last_error: null }])
    expect(sim.received('wz-water').map((c) => c.caseNumber)).toContain(water)
    expect(rows<{ state: string; payload_json: string }>('SELECT state, payload_json FROM utility_outbox WHERE case_number = ?', water))
      .toEqual([{ state: 'delivered', payload_json: '{}' }])
    expect(await sim.advance(water)).toBe(true)
    const detail = await callApi('applicationDetail', { params: { number: water } }, li.client)
    expect(detail.stages.map((st) => [st.name, st.state])).toEqual([['受理', 'done'], ['勘查设计', 'in-progress'], ['施工通水', 'not-started']])
    expect(await sim.advance(water)).toBe(true)
    expect(await sim.advance(water)).toBe(true)
    expect(await sim.advance(water)).toBe(false)
    const done = await callApi('applicationDetail', { params: { number: water } }, li.client)
    expect(done.process.state).toBe('completed')
    // every case shows the whole 一件事: water done and received, gas received and still running
    expect(done.joint?.parts.map((p) => [p.serviceName, p.delivery, p.state])).toEqual([
      ['低压非居民新装（小微企业）', 'direct', 'in-progress'], ['用水报装', 'received', 'completed'], ['用气报装', 'received', 'in-progress'],
    ])
  })

  it('should let anyone with the mobile look the 一件事 up by its number, every part shown, nothing personal', async () => {
    const { receipt } = await applyJoint()
    const anon = clientFor(s)
    await callApi('lookupCode', { body: { number: receipt.joint!.number.toLowerCase(), mobile: '13800138000' } }, anon)
    const r = await callApi('lookup', { body: { number: receipt.joint!.number, mobile: '13800138000', code: latestLookupCode(s.db) } }, anon)
    expect(r.detail.number).toBe(receipt.number)
    expect(r.detail.joint?.parts.map((p) => p.number)).toEqual([receipt.number, ...receipt.joint!.parts.map((p) => p.number)])
    expect(r.detail.address).not.toContain('演示街')
    const wrong = await failure(callApi('lookup', { body: { number: 'YJ20261126999999', mobile: '13800138000', code: '123456' } }, anon))
    expect(wrong.code).toBe('LOOKUP_FAILED')
  })

  it('should let npm run mock:advance move any provider\'s case, signed with that provider\'s key', async () => {
    const { receipt } = await applyJoint()
    const gas = receipt.joint!.parts[1].number
    const steps: string[] = []
    for (let i = 0; i < 10; i++) {
      const done = await advanceCase({ db: s.db, base: s.url, number: gas, now: suite.clock.now })
      if (!done) break
      steps.push(`${done.step.action}${done.step.stage ? ` ${done.step.stage}` : ''}`)
    }
    expect(steps).toEqual(['stage-finish accept', 'stage-start survey-design', 'stage-finish survey-design', 'stage-start build-supply', 'stage-finish build-supply', 'complete'])
    expect((await callApi('applicationDetail', { params: { number: gas } }, li.client)).process.state).toBe('completed')
  })

  it('should not retry a part the utility refused (4xx), and show the refusal to its staff and the applicant', async () => {
    const { receipt } = await applyJoint()
    const gas = receipt.joint!.parts[1].number
    const sim = s.utilities.simulator!
    sim.setSwitches('wz-gas', { refuseAll: true })
    try {
      await s.utilities.dispatcher.runOnce()
      await s.utilities.dispatcher.runOnce()
    } finally {
      sim.setSwitches('wz-gas', { refuseAll: false })
    }
    const rq = await staffSignIn(s, 'rq-kefu')
    const seen = await callApi('staffCase', { params: { number: gas } }, rq.client)
    expect(seen.dispatch).toMatchObject({ jointNumber: receipt.joint!.number, state: 'refused', attempts: 1, lastStatus: 422, utilityRef: null })
    expect(seen.dispatch?.lastError).toContain('申请信息不完整')
    // the staff view holds their own case only: not the 一件事's other parts
    expect(seen.application.joint).toBeNull()
    const mine = await callApi('applicationDetail', { params: { number: receipt.number } }, li.client)
    expect(mine.joint?.parts.find((p) => p.number === gas)?.delivery).toBe('refused')
  })

  it('should let the gas provider\'s staff find only the gas part, and the electricity enterprise\'s only the electricity case', async () => {
    const { receipt } = await applyJoint()
    const [water, gas] = receipt.joint!.parts.map((p) => p.number)
    const rq = await staffSignIn(s, 'rq-kefu')
    expect((await callApi('staffCase', { params: { number: gas } }, rq.client)).application.number).toBe(gas)
    for (const other of [water, receipt.number]) expect((await failure(callApi('staffCase', { params: { number: other } }, rq.client))).code).toBe('NOT_FOUND')
    const gw = await staffSignIn(s, 'gw-kefu')
    expect((await failure(callApi('staffCase', { params: { number: gas } }, gw.client))).code).toBe('NOT_FOUND')
    const found = await callApi('staffSearch', { query: { q: receipt.joint!.number } }, rq.client)
    expect(found.items.map((i) => i.number)).toEqual([gas])
  })
})
