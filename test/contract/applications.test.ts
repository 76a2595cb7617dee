import fs from 'node:fs'
import path from 'node:path'
import type { InProcess } from './support/in-process'
import {
  DEMO, clientFor, failure, insertMaterial, insertUpload, makeClock, newDraft, readyApplicant, shopAnswers, startWithApplicants, signedBody, submit, withServer,
  type Ready,
} from './support/fixtures'
import { callApi } from '../../src/lib/http/client'
import { BUNDLED_CALENDAR, createCalendar } from '../../src/core/calendar/calendar'
import type { AnswersInput } from '../../src/contract/answers'
import { demoIdNumber } from '../../mock/seed/seed'

const clock = makeClock('2026-11-26T02:00:00Z') // Thursday, 10:00 in China
let s: InProcess
let li: Ready, wang: Ready
beforeAll(async () => { ({ s, ready: [li, wang] } = await startWithApplicants(clock.now, [DEMO.li, DEMO.wang])) })
afterAll(async () => { await s.close() })

const events = (number: string) => s.db.prepare('SELECT type, stage, payload_json FROM application_event WHERE application_number = ? ORDER BY id').all(number) as
  { type: string; stage: string | null; payload_json: string }[]
const count = (sql: string, ...args: unknown[]) => (s.db.prepare(sql).get(...args) as { n: number }).n

describe('submit', () => {
  it('should accept a signed lv-business application and answer its receipt when the materials are authorised e-licences', async () => {
    const draftId = await newDraft(li)
    const body = await signedBody(li, draftId, shopAnswers(li))
    const r = await submit(li, body)
    expect(r.number).toMatch(/^WZ20261126\d{6}$/)
    expect(r).toMatchObject({
      serviceName: '低压非居民新装（小微企业）', supplierName: '国网万州供电分公司', submittedAt: '2026-11-26T02:00:00.000Z',
      limitDays: 7, limitKind: 'max', expectedBy: '2026-12-07', expectedByEstimated: false, feeYuan: 0, pendingReview: [],
    })
    expect(r.expectedBy).toBe(createCalendar(BUNDLED_CALENDAR).addWorkingDays(new Date(r.submittedAt), 7).date)
    expect(r.nextSteps.join('')).toContain('全程无需上门')
    expect(r.nextSteps[0]).toMatch(/^受理签约/)
    expect(events(r.number).map((e) => [e.type, e.stage])).toEqual([['submitted', null], ['stage-started', 'accept-sign'], ['contract-signed', 'accept-sign']])
    expect(JSON.parse(events(r.number)[2].payload_json)).toEqual({ method: 'tap', contractHash: body.signature.contractHash, signedAt: r.submittedAt })
    expect(s.db.prepare('SELECT submitted_number FROM draft WHERE id = ?').get(draftId)).toEqual({ submitted_number: r.number })
    expect(await callApi('draftGet', {}, li.client)).toBeNull()
    expect(await callApi('receipt', { params: { number: r.number } }, li.client)).toEqual(r)
  })

  it('should answer the same receipt and store one application when retried with the same key', async () => {
    const body = await signedBody(li, await newDraft(li), shopAnswers(li))
    const first = await submit(li, body, 'retry-key-0001')
    const again = await submit(li, body, 'retry-key-0001')
    expect(again).toEqual(first)
    expect(count('SELECT COUNT(*) AS n FROM application WHERE draft_id = ?', body.draftId)).toBe(1)
    expect(count('SELECT COUNT(*) AS n FROM application_event WHERE application_number = ?', first.number)).toBe(3)
  })

  it('should answer the first receipt when a submitted draft is sent again with a new key', async () => {
    const body = await signedBody(li, await newDraft(li), shopAnswers(li))
    const first = await submit(li, body)
    expect((await submit(li, body, 'another-key-0002')).number).toBe(first.number)
    expect(count('SELECT COUNT(*) AS n FROM application WHERE draft_id = ?', body.draftId)).toBe(1)
  })

  it('should answer IDEMPOTENCY_MISMATCH when a key is reused with a different body', async () => {
    const body = await signedBody(li, await newDraft(li), shopAnswers(li))
    await submit(li, body, 'mismatch-key-03')
    const changed = { ...body, answers: { ...body.answers, load: { capacityKw: 30, use: 'shop' as const } } }
    const e = await failure(submit(li, changed, 'mismatch-key-03'))
    expect([e.code, e.status]).toEqual(['IDEMPOTENCY_MISMATCH', 409])
  })

  it('should number applications of one China day in sequence', async () => {
    const a = await submit(li, await signedBody(li, await newDraft(li), shopAnswers(li)))
    const b = await submit(li, await signedBody(li, await newDraft(li), shopAnswers(li)))
    expect(Number(b.number.slice(10))).toBe(Number(a.number.slice(10)) + 1)
  })

  it('should accept a resident on the ID alone (一证受理) and name what staff will review', async () => {
    const photoId = insertMaterial(s.db, wang.me.userId, { kind: 'id-card', status: 'unverified', needsReview: true, number: demoIdNumber(DEMO.wang) })
    const answers: AnswersInput = {
      service: 'resident',
      applicant: { kind: 'individual', role: 'owner', mobile: '13900139000' },
      address: { townshipCode: '500101155', detail: '长滩镇演示村3组12号' },
      load: { capacityKw: 8, use: 'home', desiredDate: '2026-12-01' },
      materials: { idCard: { materialId: photoId }, property: null },
    }
    const r = await submit(wang, await signedBody(wang, await newDraft(wang), answers))
    expect(r).toMatchObject({ serviceName: '居民新装', supplierName: '三峡水利', limitDays: 5, limitKind: 'max', feeYuan: 0 })
    expect(r.pendingReview).toEqual(['身份证照片将由工作人员核验', '用电地址物权证明待补交（一证受理）'])
  })

  it('should accept hv-10kv without a signature when the project approval is uploaded', async () => {
    const answers: AnswersInput = {
      ...shopAnswers(li), service: 'hv-10kv', load: { capacityKw: 400, use: 'workshop' },
      materials: { idCard: { materialId: li.idCard }, property: { materialId: li.property }, projectApprovalUploadId: insertUpload(s.db, li.me.userId) },
    }
    const r = await submit(li, { draftId: await newDraft(li), answers })
    expect(r).toMatchObject({ serviceName: '高压新装（10千伏）', limitDays: 28, limitKind: 'average' })
    expect(r.expectedBy).toBe(createCalendar(BUNDLED_CALENDAR).addWorkingDays(new Date(r.submittedAt), 28).date)
    expect(r.pendingReview).toEqual(['用电工程项目批准文件将由工作人员核验'])
    expect(events(r.number).map((e) => e.type)).toEqual(['submitted', 'stage-started'])
    expect(events(r.number)[1].stage).toBe('apply-accept')
  })

  it('should accept an agent with the authorisation letter and the agent\'s ID', async () => {
    const base = shopAnswers(li)
    const answers: AnswersInput = {
      ...base, applicant: { ...base.applicant, role: 'agent', agentLetterUploadId: insertUpload(s.db, li.me.userId) },
      materials: { ...base.materials, agentIdCard: { materialId: insertMaterial(s.db, li.me.userId, { kind: 'id-card', number: demoIdNumber(DEMO.li) }) } },
    }
    const r = await submit(li, await signedBody(li, await newDraft(li), answers))
    expect(r.pendingReview).toEqual(['授权委托书将由工作人员核验'])
  })

  it('should store the 渝快办 mobile as the contact number when the applicant chose it', async () => {
    const base = shopAnswers(li)
    const answers: AnswersInput = { ...base, applicant: { ...base.applicant, mobile: undefined, useIdentityMobile: true } }
    const r = await submit(li, await signedBody(li, await newDraft(li), answers))
    const row = s.db.prepare('SELECT answers_json FROM application WHERE number = ?').get(r.number) as { answers_json: string }
    expect(JSON.parse(row.answers_json).applicant.mobile).toBe('13800138000')
    expect(JSON.stringify(r)).not.toContain('13800138000')
  })
})

describe('receipt', () => {
  it('should answer NOT_FOUND to anyone but the applicant, and for an unknown number', async () => {
    const r = await submit(li, await signedBody(li, await newDraft(li), shopAnswers(li)))
    const e = await failure(callApi('receipt', { params: { number: r.number } }, wang.client))
    expect([e.code, e.status]).toEqual(['NOT_FOUND', 404])
    expect((await failure(callApi('receipt', { params: { number: 'WZ20000101000001' } }, li.client))).code).toBe('NOT_FOUND')
    expect((await failure(callApi('receipt', { params: { number: r.number } }, clientFor(s)))).code).toBe('UNAUTHENTICATED')
  })
})

describe('stage history', () => {
  it('should refuse UPDATE and DELETE of application events', () => {
    expect(() => s.db.prepare("UPDATE application_event SET at = '2020-01-01T00:00:00.000Z'").run()).toThrow(/append-only/)
    expect(() => s.db.prepare('DELETE FROM application_event').run()).toThrow(/append-only/)
    expect(count('SELECT COUNT(*) AS n FROM application_event')).toBeGreaterThan(0)
  })
})

describe('expected completion date', () => {
  it('should flag expectedBy as estimated when it falls in a year without published holidays, until the override adds it', () => {
    const december = makeClock('2026-12-28T02:00:00Z')
    return withServer({ now: december.now }, async (t) => {
      const a = await readyApplicant(t, DEMO.li)
      const r = await submit(a, await signedBody(a, await newDraft(a), shopAnswers(a)))
      expect(r.number).toMatch(/^WZ20261228/)
      expect(r.expectedBy).toBe(createCalendar(BUNDLED_CALENDAR).addWorkingDays(new Date(r.submittedAt), 7).date)
      expect(r.expectedByEstimated).toBe(true)
      expect(r.nextSteps.join('')).toContain('日期为预估')
      fs.writeFileSync(path.join(t.dataDir, 'calendar-override.json'), JSON.stringify({ 2027: { holidays: ['2027-01-01'], workdays: [] } }))
      const known = await submit(a, await signedBody(a, await newDraft(a), shopAnswers(a)))
      expect(known.expectedByEstimated).toBe(false)
      expect(known.expectedBy).toBe('2027-01-07')
    })
  })
})
