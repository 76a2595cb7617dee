// The public transparency page: no sign-in, the district's own figures for each published month, cells of fewer
// than 5 cases suppressed, computed once a China day.
import { callApi } from '../../src/lib/http/client'
import type { InProcess } from './support/in-process'
import { clientFor } from './support/fixtures'
import { applyShop, progressSuite, rec, type Owner } from './support/progress-fixtures'
import { pushAt, rawGet, setChinaTime, staffSignIn, unmaskedIn, type SignedInStaff } from './support/staff-fixtures'

const suite = progressSuite()
const { clock } = suite
let s: InProcess
let li: Owner
let district: SignedInStaff
const at = (local: string) => setChinaTime(clock, local)

beforeAll(async () => {
  ({ s, li } = suite)
  const step = (when: string, supplier: 'sgcc-wanzhou' | 'sanxia', ...records: Parameters<typeof rec>[]) => pushAt(s, clock, when, supplier, ...records)
  const shop = async (submitted: string, built: string, township?: string) => {
    const supplier = township ? 'sanxia' : 'sgcc-wanzhou'
    at(submitted); const number = await applyShop(li, township)
    await step(submitted.replace(/T\d\d/, 'T15'), supplier, [number, 'stage-finish', 'accept-sign'], [number, 'stage-start', 'build-connect'])
    await step(built, supplier, [number, 'stage-finish', 'build-connect'], [number, 'complete'])
    return number
  }
  // 国网万州, October: five 低压 shops taking 2, 3, 4, 6 and 9 working days (10-12 Monday onwards)
  await shop('2026-10-12T09:00', '2026-10-14T10:00') // 10-13, 10-14: 2
  await shop('2026-10-12T09:00', '2026-10-15T10:00') // 3
  await shop('2026-10-12T09:00', '2026-10-16T10:00') // 4
  await shop('2026-10-12T09:00', '2026-10-20T10:00') // 10-13..10-16, 10-19, 10-20: 6
  await shop('2026-10-12T09:00', '2026-10-23T10:00') // 9
  // 三峡水利: one shop, 3 working days
  await shop('2026-10-19T09:00', '2026-10-22T10:00', '500101155')
  // one more 国网万州 application started in October (its draft names the address) and never submitted
  at('2026-10-20T11:00')
  const draft = await callApi('draftGet', {}, li.client)
  await callApi('draftSave', { body: { answers: { service: 'lv-business', address: { townshipCode: '500101001', detail: '演示街9号' } }, page: 'address', version: draft?.version ?? 0 } }, li.client)
  at('2026-11-26T10:00')
  district = await staffSignIn(s, 'wz-jxw')
})

const signedOut = () => callApi('publicTimes', {}, clientFor(s))

describe('publicTimes', () => {
  it('should answer anyone, signed out, for the 12 complete months before this one', async () => {
    const t = await signedOut()
    expect(t.months).toHaveLength(12)
    expect([t.months[0], t.months.at(-1), t.minCases]).toEqual(['2025-11', '2026-10', 5])
    const res = await rawGet(s, '/api/public/connection-times')
    expect([res.status, res.headers.get('cache-control')]).toEqual([200, 'public, max-age=3600'])
  })

  it('should equal the district\'s oversight view cell by cell, and suppress those under 5 cases', async () => {
    const t = await signedOut()
    let published = 0
    for (const month of t.months) {
      const m = await callApi('oversightMonth', { query: { month } }, district.client)
      for (const row of t.rows) {
        const cell = row.cells.find((c) => c.month === month)
        const f = m.enterprises.find((e) => e.provider === row.provider)?.services.find((x) => x.service === row.service)
        if (!f || !cell) throw new Error(`missing ${row.provider} ${row.service} ${month}`)
        if (f.completed < 5) {
          expect(cell).toEqual({ month, suppressed: true, completed: null, median: null, p90: null, withinLimitShare: null })
        } else {
          published += 1
          expect(cell).toEqual({ month, suppressed: false, completed: f.completed, median: f.median, p90: f.p90, withinLimitShare: f.withinTargetShare })
        }
      }
    }
    // the one published cell: 国网万州 低压 October, 2 3 4 6 9 → median 4, p90 the 5th = 9, 4 of 5 within 7
    expect(published).toBe(1)
    const lv = t.rows.find((r) => r.provider === 'sgcc-wanzhou' && r.service === 'lv-business')
    expect(lv?.cells.at(-1)).toEqual({ month: '2026-10', suppressed: false, completed: 5, median: 4, p90: 9, withinLimitShare: 0.8 })
    expect(lv?.promise.text).toBe('不超过7个工作日')
    // 三峡水利's single case is not published, not even its count
    expect(t.rows.find((r) => r.provider === 'sanxia' && r.service === 'lv-business')).toMatchObject({ completedTotal: null, cells: expect.arrayContaining([expect.objectContaining({ month: '2026-10', suppressed: true, completed: null })]) })
    expect(t.satisfaction.every((x) => x.suppressed && x.ratings === null)).toBe(true) // no ratings yet
    expect(unmaskedIn(JSON.stringify(t))).toEqual([])
  })

  it('should publish each enterprise\'s completion rate, digital take-up and complaint follow-up from the district\'s months, withheld under 5', async () => {
    at('2026-11-27T10:00') // a new China day: the page is computed afresh
    const t = await signedOut()
    const sums = { started: 0, submitted: 0, received: 0, eLicences: 0 }
    for (const month of t.months) {
      const e = (await callApi('oversightMonth', { query: { month } }, district.client)).enterprises.find((x) => x.provider === 'sgcc-wanzhou')
      if (!e) throw new Error(`no 国网万州 in ${month}`)
      sums.started += e.completion.started; sums.submitted += e.completion.submitted; sums.received += e.digital.received; sums.eLicences += e.digital.eLicences
    }
    // five shops submitted (each counted as started at the latest when submitted) and the draft left at its address
    expect(sums).toEqual({ started: 6, submitted: 5, received: 5, eLicences: 5 })
    expect(t.enterprises.find((e) => e.provider === 'sgcc-wanzhou')).toEqual({
      provider: 'sgcc-wanzhou', providerName: '国网万州供电分公司',
      completion: { started: 6, share: 0.833 }, digital: { received: 5, share: 1 },
      // no complaint: under 5, neither the count nor a share is published
      complaints: { received: null, answeredInTimeShare: null },
    })
    // 三峡水利's single application: nothing published
    expect(t.enterprises.find((e) => e.provider === 'sanxia')).toMatchObject({ completion: { started: null, share: null }, digital: { received: null, share: null } })
  })

  it('should be computed once a China day: the same answer all day, a fresh one the next', async () => {
    const first = await signedOut()
    at('2026-11-27T23:50')
    expect((await signedOut()).generatedAt).toBe(first.generatedAt)
    at('2026-11-28T00:10')
    const next = await signedOut()
    expect(next.generatedAt).toBe(new Date('2026-11-27T16:10:00.000Z').toISOString())
    expect(next.rows).toEqual(first.rows)
  })
})
