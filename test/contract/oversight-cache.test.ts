// The district's ended months keep their case part (the heavy part) in memory; it must always equal recomputing
// from the log: after a read, and after an event appended in a later month changes the month (改派 moves a case to
// the other enterprise's column). A kept part is used only while nothing it depends on has changed.
import { callApi } from '../../src/lib/http/client'
import { districtMonth, forgetCaseParts } from '../../mock/oversight/figures'
import type { InProcess } from './support/in-process'
import { newDraft, shopAnswers, signedBody, submit } from './support/fixtures'
import { applyShop, progressSuite, type Owner } from './support/progress-fixtures'
import { pushAt, setChinaTime, staffSignIn } from './support/staff-fixtures'

const suite = progressSuite()
const { clock } = suite
let s: InProcess
let li: Owner
const numbers: string[] = []
const at = (local: string) => setChinaTime(clock, local)
const OCTOBER = '2026-10'
let lateDraft = ''

beforeAll(async () => {
  ({ s, li } = suite)
  at('2026-10-12T09:00'); numbers.push(await applyShop(li))
  await pushAt(s, clock, '2026-10-13T09:00', 'sgcc-wanzhou', [numbers[0], 'stage-finish', 'accept-sign'], [numbers[0], 'stage-start', 'build-connect'])
  await pushAt(s, clock, '2026-10-16T16:00', 'sgcc-wanzhou', [numbers[0], 'stage-finish', 'build-connect'], [numbers[0], 'complete'])
  at('2026-10-19T10:00'); await callApi('rate', { params: { number: numbers[0] }, body: { grade: 2 } }, li.client) // a 差评: follow-up due 11-09
  at('2026-10-20T10:00'); numbers.push(await applyShop(li))
  at('2026-10-21T10:00'); numbers.push(await applyShop(li, '500101155'))
  at('2026-10-28T10:00'); lateDraft = await newDraft(li, shopAnswers(li)) // names its address: started in October, submitted later
  at('2026-11-26T10:00')
})

const recomputed = () => {
  forgetCaseParts(s.db)
  return districtMonth(s.db, OCTOBER, clock.now())
}

describe('the ended month\'s kept case part', () => {
  it('should be used on the next read and equal a recomputation from the log', () => {
    const first = districtMonth(s.db, OCTOBER, clock.now())
    const second = districtMonth(s.db, OCTOBER, clock.now())
    // the same object: the second read did not read the cases again
    expect(second.enterprises[0].services).toBe(first.enterprises[0].services)
    expect(second).toEqual(recomputed())
    expect(first.enterprises.find((e) => e.provider === 'sgcc-wanzhou')).toMatchObject({ received: 2, completed: 1, inProgress: 1 })
  })

  it('should be dropped when a later event changes the month (改派 in November of an October case)', async () => {
    const before = districtMonth(s.db, OCTOBER, clock.now())
    const supervisor = await staffSignIn(s, 'gw-banzhang')
    await callApi('staffReassign', { params: { number: numbers[1] }, body: { to: 'sanxia', reason: '地址属三峡水利供区' } }, supervisor.client)
    const after = districtMonth(s.db, OCTOBER, clock.now())
    expect(after).not.toEqual(before)
    expect(after.enterprises.find((e) => e.provider === 'sgcc-wanzhou')).toMatchObject({ received: 1, inProgress: 0 })
    expect(after.enterprises.find((e) => e.provider === 'sanxia')).toMatchObject({ received: 2, inProgress: 2 })
    expect(after).toEqual(recomputed())
  })

  it('should be dropped when an October 差评 is followed up in November', async () => {
    const before = districtMonth(s.db, OCTOBER, clock.now())
    expect(before.enterprises.find((e) => e.provider === 'sgcc-wanzhou')?.ratings).toMatchObject({ bad: 1, followedUpInTime: 0 })
    at('2026-11-05T10:00')
    const supervisor = await staffSignIn(s, 'gw-banzhang')
    await callApi('staffFollowUp', { params: { number: numbers[0] }, body: { note: '已电话回访' } }, supervisor.client)
    at('2026-11-26T10:00')
    const after = districtMonth(s.db, OCTOBER, clock.now())
    expect(after.enterprises.find((e) => e.provider === 'sgcc-wanzhou')?.ratings).toMatchObject({ bad: 1, followUpsDue: 1, followedUpInTime: 1 })
    expect(after).toEqual(recomputed())
  })

  it('should keep October\'s take-up as of its last instant: a draft started then and submitted in November changes neither', async () => {
    const before = districtMonth(s.db, OCTOBER, clock.now())
    const takeUp = (m: typeof before) => m.enterprises.find((e) => e.provider === 'sgcc-wanzhou')?.completion
    const startedBefore = takeUp(before)
    expect(startedBefore).toMatchObject({ started: 3, submitted: 2 })
    await submit(li, await signedBody(li, lateDraft, shopAnswers(li)))
    const after = districtMonth(s.db, OCTOBER, clock.now())
    expect(takeUp(after)).toEqual(startedBefore)
    expect(after).toEqual(recomputed())
    // and November counts the submission where it happened
    expect(districtMonth(s.db, '2026-11', clock.now()).enterprises.find((e) => e.provider === 'sgcc-wanzhou')?.received).toBeGreaterThanOrEqual(1)
  })

  it('should not be kept for the running month', () => {
    const month = '2026-11'
    const first = districtMonth(s.db, month, clock.now())
    expect(districtMonth(s.db, month, clock.now()).enterprises[0].services).not.toBe(first.enterprises[0].services)
  })
})
