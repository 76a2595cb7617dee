// 改派: a 班长 (of the case's enterprise) or the admin moves a case to the other enterprise, with a reason. The log
// says so, the clock keeps running, the scope moves with it and the applicant sees the new enterprise.
import { callApi } from '../../src/lib/http/client'
import type { InProcess } from './support/in-process'
import { failure } from './support/fixtures'
import { applyShop, progressSuite, push, rec, type Owner } from './support/progress-fixtures'
import { accessRows, staffSignIn, type SignedInStaff } from './support/staff-fixtures'

const suite = progressSuite()
const { clock } = suite
let s: InProcess
let li: Owner
const who: Record<'gwKefu' | 'sxKefu' | 'gwBanzhang' | 'sxBanzhang' | 'admin', SignedInStaff> = {} as never
beforeAll(async () => {
  ({ s, li } = suite)
  who.gwKefu = await staffSignIn(s, 'gw-kefu')
  who.sxKefu = await staffSignIn(s, 'sx-kefu')
  who.gwBanzhang = await staffSignIn(s, 'gw-banzhang')
  who.sxBanzhang = await staffSignIn(s, 'sx-banzhang')
  who.admin = await staffSignIn(s, 'wz-admin')
})

const REASON = '用电地址在三峡水利供区（现场核实）'
const reassign = (number: string, by: SignedInStaff, to: 'sanxia' | 'sgcc-wanzhou' = 'sanxia', reason = REASON) =>
  callApi('staffReassign', { params: { number }, body: { to, reason } }, by.client)
const view = (number: string, by: SignedInStaff) => callApi('staffCase', { params: { number } }, by.client)
const found = async (number: string, by: SignedInStaff) => (await callApi('staffSearch', { query: { q: number } }, by.client)).total

describe('staffReassign', () => {
  it('should move a 国网 case to 三峡水利: logged with the reason, the clock untouched, the scope and the applicant\'s enterprise moved', async () => {
    clock.set('2026-11-26T02:00:00Z')
    const number = await applyShop(li)
    clock.advance(2 * 24 * 3600_000)
    const before = await callApi('applicationDetail', { params: { number } }, li.client)
    expect(before.supplierName).toBe('国网万州供电分公司')

    expect(await reassign(number, who.gwBanzhang)).toEqual({ number, supplier: 'sanxia', supplierName: '三峡水利' })

    const after = await callApi('applicationDetail', { params: { number } }, li.client)
    expect(after.supplierName).toBe('三峡水利')
    expect(after.process).toEqual(before.process)
    expect(after.timeline.at(-1)?.text).toBe('改由三峡水利办理，办理时限照常计算')
    expect(after.timeline.at(-1)?.text).not.toContain('现场核实') // the reason is for staff

    expect((await failure(view(number, who.gwKefu))).code).toBe('NOT_FOUND')
    expect((await failure(view(number, who.gwBanzhang))).code).toBe('NOT_FOUND')
    expect([await found(number, who.gwKefu), await found(number, who.sxKefu)]).toEqual([0, 1])
    const logged = (await view(number, who.sxKefu)).events.at(-1)
    expect(logged).toMatchObject({ type: 'reassigned', text: '改派供电企业（计时不变）', actorName: '工作人员 国网万州供电分公司班长（演示）' })
    expect(logged?.details).toEqual([
      { label: '原供电企业', value: '国网万州供电分公司' }, { label: '改派至', value: '三峡水利' }, { label: '改派原因', value: REASON },
    ])
    expect(accessRows(s).at(-3)).toEqual({ staff: 'gw-banzhang', action: 'case', target: number, detail: `改派至三峡水利；原因：${REASON}` })

    // the new enterprise's system pushes for it; the old one's is refused like an unknown case
    expect((await push(s, clock, [rec(number, 'stage-finish', 'accept-sign')], { supplier: 'sgcc-wanzhou' })).status).toBe(404)
    expect((await push(s, clock, [rec(number, 'stage-finish', 'accept-sign')], { supplier: 'sanxia' })).status).toBe(200)
  })

  it('should refuse a 班长 of the other enterprise exactly like a missing number, and agents always', async () => {
    const number = await applyShop(li)
    const foreign = await failure(reassign(number, who.sxBanzhang, 'sgcc-wanzhou'))
    const missing = await failure(reassign('WZ20261126999999', who.sxBanzhang, 'sgcc-wanzhou'))
    expect([foreign.code, foreign.message]).toEqual([missing.code, missing.message])
    expect(foreign.code).toBe('NOT_FOUND')
    for (const agent of [who.gwKefu, who.sxKefu]) expect((await failure(reassign(number, agent))).code).toBe('FORBIDDEN')
    expect((await view(number, who.gwKefu)).application.supplierName).toBe('国网万州供电分公司')
  })

  it('should let the admin move it back, and refuse a move to where it is, a closed case and a missing reason', async () => {
    const number = await applyShop(li)
    await reassign(number, who.admin)
    expect((await failure(reassign(number, who.sxBanzhang))).message).toBe('该申请已由三峡水利办理')
    await reassign(number, who.sxBanzhang, 'sgcc-wanzhou', '核实后仍属国网供区')
    expect((await view(number, who.gwKefu)).events.filter((e) => e.type === 'reassigned')).toHaveLength(2)
    expect((await failure(reassign(number, who.admin, 'sanxia', ' '))).code).toBe('VALIDATION_FAILED')

    await callApi('withdraw', { params: { number }, body: { reason: '不再需要用电' } }, li.client)
    const closed = await failure(reassign(number, who.gwBanzhang))
    expect([closed.code, closed.message]).toEqual(['ACTION_NOT_ALLOWED', '申请已办结、不予受理或已撤回，不能改派'])
  })
})
