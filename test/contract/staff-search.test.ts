import { callApi } from '../../src/lib/http/client'
import type { InProcess } from './support/in-process'
import { DEMO, failure } from './support/fixtures'
import { applyHv, applyShop, dueIn, progressSuite, push, rec, walk, type Owner } from './support/progress-fixtures'
import { indexMissingCases } from '../../mock/staff/case-index'
import { accessRows, applyShopWithPhoto, applyWith, idOnlyOwner, setChinaTime, staffSignIn, unmaskedIn, type SignedInStaff } from './support/staff-fixtures'

// The clock ends on Thursday 2026-11-26 10:00 China time; each case is made at its own time before that.
const suite = progressSuite()
const { clock } = suite
let s: InProcess
let li: Owner
let wang: Owner
let gw: SignedInStaff
let admin: SignedInStaff
const n: Record<string, string> = {}
const at = (local: string) => setChinaTime(clock, local)
const NOW = '2026-11-26T10:00'

beforeAll(async () => {
  ({ s, li } = suite)
  wang = await idOnlyOwner(s, DEMO.wang)
  at('2026-11-02T10:00')
  n.overdue = await applyWith(li, (a) => ({ ...a, address: { townshipCode: '500101001', detail: '太白路8号1幢1-1', differsReason: '证书坐落为老门牌，现门牌在高笋塘街道' } }))
  at('2026-11-19T10:00')
  n.dueSoon = await applyWith(wang, (a) => ({ ...a, applicant: { ...a.applicant, businessName: '重庆市万州区鑫达火锅店', creditCode: '11100000000013127D', mobile: '13912345678' } }))
  at('2026-11-23T10:00')
  n.paused = await applyShop(li)
  at('2026-11-23T11:00')
  await push(s, clock, [rec(n.paused, 'stage-finish', 'accept-sign'), rec(n.paused, 'stage-start', 'build-connect')])
  at('2026-11-24T10:00')
  await push(s, clock, [rec(n.paused, 'pause', 'build-connect', { pauseReason: 'appointment-moved', dueBy: dueIn(clock, 5) })])
  at('2026-11-09T10:00')
  n.completed = await applyShop(li)
  await walk(s, clock, n.completed)
  at('2026-11-10T10:00')
  n.withdrawn = await applyShop(li)
  await callApi('withdraw', { params: { number: n.withdrawn }, body: { reason: '地址填错了' } }, li.client)
  n.rejected = await applyShop(li)
  await push(s, clock, [rec(n.rejected, 'reject', 'accept-sign', { opinion: '地址与产权证不一致' })])
  at('2026-11-12T10:00')
  n.hv = await applyHv(s, li)
  n.sanxia = await applyShop(li, '500101155')
  at('2026-11-25T09:00')
  n.photo = (await applyShopWithPhoto(s, li)).number
  at(NOW)
  n.fresh = await applyShop(li)
  gw = await staffSignIn(s, 'gw-kefu')
  admin = await staffSignIn(s, 'wz-admin')
})

type Query = Parameters<typeof callApi<'staffSearch'>>[1] extends infer I ? I extends { query?: infer Q } ? Q : never : never
const search = (query: Query, who: SignedInStaff = gw) => callApi('staffSearch', { query }, who.client)
const numbers = async (query: Query, who?: SignedInStaff) => (await search({ pageSize: 100, ...query }, who)).items.map((i) => i.number)
const idOf = (identity: string) => (s.db.prepare('SELECT id_number FROM ykb_identity WHERE id = ?').get(identity) as { id_number: string }).id_number

describe('staff search: what q finds', () => {
  it('should find one case by its number, masked, with the working-day clock as of now', async () => {
    const r = await search({ q: n.dueSoon.toLowerCase() })
    expect(r).toMatchObject({ total: 1, page: 1, pageSize: 20 })
    expect(r.items[0]).toEqual({
      number: n.dueSoon, serviceName: '低压非居民新装（小微企业）', supplierName: '国网万州供电分公司', townshipName: '瀼渡镇',
      applicantNameMasked: '王*', mobileMasked: '139****5678', submittedAt: '2026-11-19T02:00:00.000Z', state: 'in-progress',
      currentStageName: '受理签约', usedDays: 5, limitDays: 7, ceilingDays: 7, remainingDays: 2, expectedBy: '2026-11-30', estimated: false, needsReview: false,
    })
  })

  it('should find the cases with a contact mobile, exactly', async () => {
    expect(await numbers({ q: '13912345678' })).toEqual([n.dueSoon])
    expect(await numbers({ q: '13912345679' })).toEqual([])
  })

  it('should find the cases of an applicant by ID number and of a business by credit code', async () => {
    expect(await numbers({ q: idOf(DEMO.wang) })).toEqual([n.dueSoon])
    expect((await numbers({ q: idOf(DEMO.li) })).sort()).toEqual([n.overdue, n.paused, n.completed, n.withdrawn, n.rejected, n.hv, n.photo, n.fresh].sort())
    expect(await numbers({ q: '11100000000013127D' })).toEqual([n.dueSoon])
  })

  it('should find by the start of a name or a business name, the place in front of a business name optional', async () => {
    expect(await numbers({ q: '王芳' })).toEqual([n.dueSoon])
    expect(await numbers({ q: '鑫达' })).toEqual([n.dueSoon])
    expect(await numbers({ q: '重庆市万州区鑫' })).toEqual([n.dueSoon])
    expect((await search({ q: '李' })).total).toBe(8)
    expect(await numbers({ q: '芳' })).toEqual([])
  })

  it('should refuse a q that is neither an identifier nor starts a name, naming the field', async () => {
    const e = await failure(search({ q: '12345' }))
    expect(e.code).toBe('VALIDATION_FAILED')
    expect(e.fieldErrors.map((f) => f.path)).toEqual(['query.q'])
  })

  it('should only show the own enterprise\'s cases to an agent and both to the admin', async () => {
    expect(await numbers({ q: '李', service: 'lv-business', township: '500101155' })).toEqual([])
    expect(await numbers({ q: '李', township: '500101155' }, admin)).toEqual([n.sanxia])
    expect(await numbers({ q: '李', supplier: 'sanxia' }, admin)).toEqual([n.sanxia])
  })
})

describe('staff search: filters and paging', () => {
  it.each([
    ['overdue', ['overdue']], ['due-soon', ['dueSoon']], ['paused', ['paused']], ['completed', ['completed']],
    ['withdrawn', ['withdrawn']], ['rejected', ['rejected']],
  ] as const)('should find the %s case with state=%s', async (state, keys) => {
    expect(await numbers({ state, from: '2026-11-01' })).toEqual(keys.map((k) => n[k]))
  })

  it('should count a case due within 0, 2 or 5 working days with dueWithin', async () => {
    expect(await numbers({ state: 'due-soon', dueWithin: 1 })).toEqual([])
    expect(await numbers({ state: 'due-soon', dueWithin: 6 })).toEqual([n.photo, n.paused, n.dueSoon])
  })

  it('should filter by service, township, current stage, in-progress state and submission dates', async () => {
    expect(await numbers({ service: 'hv-10kv' })).toEqual([n.hv])
    // the 10 kV 28 days are an average: the row carries the per-case ceiling it is judged late against
    expect((await search({ service: 'hv-10kv' })).items[0]).toMatchObject({ limitDays: 28, ceilingDays: 40 })
    expect(await numbers({ township: '500101001' })).toEqual([n.overdue])
    expect(await numbers({ stage: 'build-connect' })).toEqual([n.paused])
    expect(await numbers({ state: 'in-progress', service: 'lv-business' })).toEqual([n.fresh, n.photo, n.dueSoon])
    expect(await numbers({ from: '2026-11-19', to: '2026-11-23' })).toEqual([n.paused, n.dueSoon])
  })

  it('should page newest first with the total on every page', async () => {
    const all = await numbers({})
    expect(all).toHaveLength(9)
    const pages = await Promise.all([1, 2, 3, 4].map((page) => search({ page, pageSize: 4 })))
    expect(pages.map((p) => [p.total, p.items.length])).toEqual([[9, 4], [9, 4], [9, 1], [9, 0]])
    expect(pages.flatMap((p) => p.items.map((i) => i.number))).toEqual(all)
    expect(all[0]).toBe(n.fresh)
  })

  it('should mark a case whose property proof is a photo as needing review', async () => {
    const [item] = (await search({ q: n.photo })).items
    expect(item.needsReview).toBe(true)
  })

  it('should show the same clock as the applicant\'s own detail for every state', async () => {
    for (const number of [n.overdue, n.dueSoon, n.paused, n.completed, n.withdrawn, n.rejected, n.hv, n.fresh]) {
      const [item] = (await search({ q: number })).items
      const { process } = await callApi('applicationDetail', { params: { number } }, (number === n.dueSoon ? wang : li).client)
      expect([number, item.state, item.usedDays, item.remainingDays, item.expectedBy])
        .toEqual([number, process.state, process.usedDays, process.remainingDays, process.expectedBy])
    }
  })
})

describe('staff search: personal data', () => {
  it('should never answer an unmasked ID number or mobile in any search result', async () => {
    expect(unmaskedIn(gw.bodies.join('\n'))).toEqual([])
    expect(gw.bodies.join('\n')).toContain('138****8000')
  })

  it('should log each search that found something by query kind, with the query masked, and not log empty ones', async () => {
    const before = accessRows(s).length
    await search({ q: '13912345678' })
    await search({ q: idOf(DEMO.wang) })
    await search({ q: '王芳' })
    await search({ q: '13912345679' })
    await search({ state: 'overdue' })
    const rows = accessRows(s).slice(before)
    expect(rows.map((r) => [r.staff, r.action, r.target])).toEqual([
      ['gw-kefu', 'search', 'mobile'], ['gw-kefu', 'search', 'id-number'], ['gw-kefu', 'search', 'name'], ['gw-kefu', 'search', 'filter'],
    ])
    expect(rows.map((r) => r.detail)).toEqual([
      '139****5678：1条结果', `${idOf(DEMO.wang).slice(0, 4)}**********${idOf(DEMO.wang).slice(-4)}：1条结果`, '王*：1条结果', '筛选 state=overdue：1条结果',
    ])
    expect(unmaskedIn(JSON.stringify(accessRows(s)))).toEqual([])
  })
})

describe('the search index', () => {
  const row = (number: string) => s.db.prepare('SELECT * FROM application_search WHERE number = ?').get(number)

  it('should rebuild a missing row and one behind its history, as a database from before schema 4 gets at start', async () => {
    const before = row(n.overdue)
    s.db.prepare('DELETE FROM application_search WHERE number = ?').run(n.overdue)
    s.db.prepare(`INSERT INTO application_event (application_number, type, stage, actor, at, payload_json)
      VALUES (?, 'urged', NULL, 'gw-kefu', '2026-11-26T02:00:00.000Z', '{}')`).run(n.fresh)
    expect(indexMissingCases(s.db)).toBe(2)
    expect(row(n.overdue)).toEqual(before)
    expect(row(n.fresh)).toMatchObject({ last_event_id: (s.db.prepare('SELECT MAX(id) AS id FROM application_event').get() as { id: number }).id })
    expect(indexMissingCases(s.db)).toBe(0)
  })
})
