import type { InProcess } from './support/in-process'
import { failure } from './support/fixtures'
import { applyShop, progressSuite, push, rec, walk, type Owner } from './support/progress-fixtures'
import { callApi } from '../../src/lib/http/client'

const suite = progressSuite()
const { clock } = suite
let s: InProcess
let li: Owner
beforeAll(() => { ({ s, li } = suite) })

/** A lv-business case walked to completion (four pushes, a day apart). */
async function completed(): Promise<string> {
  clock.set('2026-11-26T02:00:00Z')
  const number = await applyShop(li)
  await walk(s, clock, number)
  return number
}
const rate = (number: string, body: { grade: number; indicators?: Record<string, number>; comment?: string }) =>
  callApi('rate', { params: { number }, body: body as never }, li.client)
const followUp = (number: string) => s.db.prepare('SELECT grade, deadline, deadline_estimated FROM rating_follow_up WHERE application_number = ?').get(number)

describe('好差评', () => {
  it('should refuse a rating with ACTION_NOT_ALLOWED before the case is completed', async () => {
    clock.set('2026-11-26T02:00:00Z')
    const number = await applyShop(li)
    const e = await failure(rate(number, { grade: 5 }))
    expect([e.code, e.status]).toEqual(['ACTION_NOT_ALLOWED', 409])
  })

  it('should take a rating of a withdrawn or refused case too, and follow a bad one up like any other', async () => {
    clock.set('2026-11-26T02:00:00Z')
    const withdrawn = await applyShop(li)
    const w = await callApi('withdraw', { params: { number: withdrawn }, body: { reason: '不再需要用电' } }, li.client)
    expect(w.actions.rate).toBe(true)
    expect((await rate(withdrawn, { grade: 4 })).rating?.grade).toBe(4)
    const refused = await applyShop(li)
    await push(s, clock, [rec(refused, 'reject', undefined, { opinion: '用电地址不在供区内' })])
    expect((await rate(refused, { grade: 1, comment: '不予受理的理由没有说清楚' })).actions.rate).toBe(false)
    expect(followUp(refused)).toEqual({ grade: 1, deadline: '2026-12-17', deadline_estimated: 0 })
  })

  it('should take one rating per case and answer ALREADY_RATED to a second', async () => {
    const number = await completed()
    clock.set('2026-12-01T02:00:00Z')
    const d = await rate(number, { grade: 5, indicators: { 办事效率: 5, 办事便捷度: 4 } })
    expect(d.rating).toEqual({ grade: 5, indicators: { 办事效率: 5, 办事便捷度: 4 }, comment: null, ratedAt: '2026-12-01T02:00:00.000Z' })
    expect(d.actions.rate).toBe(false)
    expect(d.timeline.at(-1)?.text).toBe('已评价：非常满意')
    const again = await failure(rate(number, { grade: 1 }))
    expect([again.code, again.status]).toEqual(['ALREADY_RATED', 409])
    expect(s.db.prepare('SELECT COUNT(*) AS n FROM rating WHERE application_number = ?').get(number)).toEqual({ n: 1 })
    expect(followUp(number)).toBeUndefined()
  })

  it('should schedule a follow-up 15 working days out when the rating is 不满意', async () => {
    const number = await completed()
    clock.set('2026-12-01T02:00:00Z') // Tuesday
    const d = await rate(number, { grade: 2, comment: '施工时间比预期长，请回电13800138000' })
    expect(followUp(number)).toEqual({ grade: 2, deadline: '2026-12-22', deadline_estimated: 0 })
    expect(d.timeline.at(-1)?.text).toBe('已评价：不满意；供电企业将在2026-12-22前回访')
    expect(d.rating?.comment).toBe('施工时间比预期长，请回电138****8000')
  })

  it('should flag the follow-up deadline as estimated when 15 working days reach into 2027', async () => {
    const number = await completed()
    clock.set('2026-12-15T02:00:00Z')
    await rate(number, { grade: 1 })
    expect(followUp(number)).toEqual({ grade: 1, deadline: '2027-01-05', deadline_estimated: 1 })
  })

  it('should refuse an indicator that is not one of the five official ones', async () => {
    const number = await completed()
    const e = await failure(rate(number, { grade: 4, indicators: { 服务态度: 5 } }))
    expect(e.code).toBe('VALIDATION_FAILED')
    expect(e.fieldErrors[0].path).toMatch(/^indicators/)
  })
})
