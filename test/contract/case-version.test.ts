import type { InProcess } from './support/in-process'
import { DEMO, clientFor, failure } from './support/fixtures'
import { applicant } from './support/licence-fixtures'
import { applyShop, progressSuite, type Owner } from './support/progress-fixtures'
import { callApi } from '../../src/lib/http/client'
import { advanceCase } from '../../mock/cli/advance-case'
import { issueLookupToken } from '../../mock/lookup/tokens'

const suite = progressSuite()
const { clock } = suite
let s: InProcess
let li: Owner
let number: string
beforeAll(async () => {
  ({ s, li } = suite)
  number = await applyShop(li)
})

const version = (n = number, a: { client: Owner['client'] } = li) => callApi('applicationVersion', { params: { number: n } }, a.client)
const detail = (n = number) => callApi('applicationDetail', { params: { number: n } }, li.client)

describe('a case\'s version (what an open detail page asks every second or two)', () => {
  it('should stay the same while nothing changes, and match the version the detail came with', async () => {
    const d = await detail()
    const v = await version()
    expect(v.version).toMatch(/^[A-Za-z0-9_-]{16}$/) // a hash: no count or id of anything
    expect(d.version).toBe(v.version)
    clock.advance(1000)
    expect(await version()).toEqual(v)
  })

  it('should not move when only a fact kept for staff is recorded (the 小微 check, which the applicant\'s page leaves out)', async () => {
    const before = (await version()).version
    clock.advance(1000)
    expect(await s.smeRegistry.worker!.runOnce()).toBe(1)
    expect((await version()).version).toBe(before)
  })

  it('should move when the supply enterprise pushes a step, when a complaint is made, and when the hour turns', async () => {
    const before = (await version()).version
    clock.advance(1000)
    await advanceCase({ db: s.db, base: s.url, number, now: clock.now })
    const pushed = (await version()).version
    expect(pushed).not.toBe(before)
    expect((await detail()).version).toBe(pushed)

    await callApi('complain', { params: { number }, body: { text: '超过时限仍未接电，请尽快处理' } }, li.client)
    const complained = (await version()).version
    expect(complained).not.toBe(pushed)

    clock.advance(3600_000)
    expect((await version()).version).not.toBe(complained)
  })

  it('should answer an action with the detail and its new version, so the page need not read it again', async () => {
    const answered = await callApi('complain', { params: { number: await applyShop(li) }, body: { text: '请尽快安排勘察' } }, li.client)
    expect(answered.version).toBe((await version(answered.number)).version)
  })

  it('should be the owner\'s only: another applicant, an unknown number and no session learn nothing', async () => {
    const wang = applicant(s, { identity: DEMO.wang })
    const others = await failure(version(number, wang))
    const unknown = await failure(version('WZ20200101000001'))
    expect([others.status, others.code]).toEqual([404, 'NOT_FOUND'])
    expect(JSON.stringify([unknown.status, unknown.code, unknown.message])).toBe(JSON.stringify([others.status, others.code, others.message]))
    expect((await failure(callApi('applicationVersion', { params: { number } }, clientFor(s, undefined)))).code).toBe('UNAUTHENTICATED')
  })

  it('should answer a lookup without sign-in only with the lookup token of that very case', async () => {
    const other = await applyShop(li)
    const token = issueLookupToken(s.db, number, clock.now()).lookupToken
    const anon = clientFor(s, undefined)
    const byLookup = await callApi('lookupVersion', { params: { number }, headers: { 'X-Lookup-Token': token } }, anon)
    expect(byLookup).toEqual(await version())
    const refreshed = await callApi('lookupRefresh', { params: { number }, headers: { 'X-Lookup-Token': token } }, anon)
    expect(refreshed.version).toBe(byLookup.version)
    expect((await failure(callApi('lookupVersion', { params: { number: other }, headers: { 'X-Lookup-Token': token } }, anon))).code).toBe('LOOKUP_FAILED')
    expect((await failure(callApi('lookupVersion', { params: { number } }, anon))).code).toBe('LOOKUP_FAILED')
  })
})
