// 主动服务: 国网万州's customer service registers a lead by credit code (the business and its owner come from the
// market registration through the 渝快办 gateway); 李明远, matched by his 渝快办 identity, sees the invitation with
// everything prefilled and applies with one confirmation through the normal submission path; 王芳 declines hers.
// Both outcomes appear in the district's month; nobody else can see or decide an invitation.
import { callApi } from '../../src/lib/http/client'
import { chinaDate } from '../../src/core/calendar/china-date'
import type { InProcess } from './support/in-process'
import { DEMO, failure } from './support/fixtures'
import { BUSINESS, leadBody } from './support/lead-fixtures'
import { progressSuite, type Owner } from './support/progress-fixtures'
import { idOnlyOwner, rawGet, staffSignIn, unmaskedIn, type SignedInStaff } from './support/staff-fixtures'

const suite = progressSuite()
let s: InProcess
let li: Owner
let wang: Owner
let gw: SignedInStaff
let sx: SignedInStaff
const LI_BUSINESS = BUSINESS.li
const WANG_BUSINESS = BUSINESS.wang
const lead = leadBody
const leadRows = () => s.db.prepare('SELECT COUNT(*) FROM lead').pluck().get() as number

beforeAll(async () => {
  ({ s, li } = suite)
  wang = await idOnlyOwner(s, DEMO.wang)
  gw = await staffSignIn(s, 'gw-kefu')
  sx = await staffSignIn(s, 'sx-kefu')
})

describe('registering a lead', () => {
  it('should refuse a malformed credit code with the validator\'s message, naming the field', async () => {
    const e = await failure(callApi('staffLeadRegister', { body: lead('91500101MA5UMY0L1') }, gw.client))
    expect(e.code).toBe('VALIDATION_FAILED')
    expect(e.fieldErrors).toEqual([{ path: 'creditCode', message: '请输入18位统一社会信用代码（现在是17位）' }])
  })

  it('should refuse a code the market registration does not know, and an address outside the enterprise\'s area', async () => {
    expect((await failure(callApi('staffLeadRegister', { body: lead('91350100M000100Y43') }, gw.client))).code).toBe('LEAD_BUSINESS_UNKNOWN')
    const e = await failure(callApi('staffLeadRegister', { body: lead(LI_BUSINESS) }, sx.client))
    expect(e.fieldErrors?.[0]).toEqual({ path: 'townshipCode', message: '该乡镇街道不在本企业供区，请由负责该供区的供电企业登记' })
    expect(leadRows()).toBe(0)
  })

  it('should write nothing and say so when 渝快办 cannot be reached', async () => {
    s.ykbSim!.switches.failureRate = 1
    try {
      const e = await failure(callApi('staffLeadRegister', { body: lead(LI_BUSINESS) }, gw.client))
      expect(e.code).toBe('YKB_UNAVAILABLE')
      expect(e.message).toBe('市场主体登记信息暂时无法查询，请稍后重试')
    } finally {
      s.ykbSim!.switches.failureRate = 0
    }
    expect(leadRows()).toBe(0)
  })

  it('should take the business name from the registration and refuse a second waiting invitation', async () => {
    const made = await callApi('staffLeadRegister', { body: lead(LI_BUSINESS) }, gw.client)
    expect(made).toMatchObject({ businessName: '重庆万州明远商贸有限公司', creditCode: LI_BUSINESS, state: 'invited', applicationNumber: null })
    expect((await failure(callApi('staffLeadRegister', { body: lead(LI_BUSINESS) }, gw.client))).code).toBe('LEAD_EXISTS')
    const project = await callApi('staffLeadRegister', { body: lead(WANG_BUSINESS, { kind: 'approved-project', projectApproval: '万州发改备〔2026〕118号', capacityKw: 80 }) }, gw.client)
    expect(project).toMatchObject({ kind: 'approved-project', projectApproval: '万州发改备〔2026〕118号' })
    expect((await callApi('staffLeads', {}, gw.client)).leads.map((l) => l.creditCode).sort()).toEqual([LI_BUSINESS, WANG_BUSINESS].sort())
    expect((await callApi('staffLeads', {}, sx.client)).leads).toEqual([])
  })

  it('should refuse an approved project without its approval number', async () => {
    const e = await failure(callApi('staffLeadRegister', { body: lead(LI_BUSINESS, { kind: 'approved-project' }) }, gw.client))
    expect(e.fieldErrors?.[0].path).toBe('projectApproval')
  })
})

describe('the owner\'s invitation', () => {
  it('should reach the owner only, with everything prefilled and personal data masked', async () => {
    const [mine] = (await callApi('invitations', {}, li.client)).invitations
    expect(mine).toMatchObject({
      supplierName: '国网万州供电分公司', businessName: '重庆万州明远商贸有限公司', creditCode: LI_BUSINESS, serviceName: '低压非居民新装（小微企业）',
      capacityKw: 30, useLabel: '商铺经营', limitDays: 7, feeYuan: 0, signer: '李**', contactMobile: '138****8000',
    })
    expect(mine.address).toContain('新城路88号1幢1-2')
    expect(mine.contract.sections.map((x) => x.text).join('')).toContain('重庆万州明远商贸有限公司（签署人：李**）')
    expect(unmaskedIn(JSON.stringify(mine))).toEqual([])
    expect((await callApi('invitations', {}, wang.client)).invitations.map((i) => i.creditCode)).toEqual([WANG_BUSINESS])
  })

  it('should answer someone else\'s invitation exactly like a missing one', async () => {
    const [mine] = (await callApi('invitations', {}, li.client)).invitations
    const theirs = await failure(callApi('invitationAccept', { params: { id: mine.id }, body: { contractHash: mine.contract.hash } }, wang.client))
    const missing = await failure(callApi('invitationAccept', { params: { id: 'ld_missing00000000' }, body: { contractHash: mine.contract.hash } }, wang.client))
    expect([theirs.code, theirs.message]).toEqual([missing.code, missing.message])
    expect(theirs.code).toBe('NOT_FOUND')
  })

  it('should refuse a confirmation of a contract text other than the one shown', async () => {
    const [mine] = (await callApi('invitations', {}, li.client)).invitations
    const e = await failure(callApi('invitationAccept', { params: { id: mine.id }, body: { contractHash: '0'.repeat(64) } }, li.client))
    expect(e.fieldErrors?.[0]).toEqual({ path: 'contractHash', message: '合同内容已变化，请重新阅读后确认' })
  })

  it('should apply in one confirmation through the normal submission, and answer the same receipt when confirmed again', async () => {
    const [mine] = (await callApi('invitations', {}, li.client)).invitations
    const receipt = await callApi('invitationAccept', { params: { id: mine.id }, body: { contractHash: mine.contract.hash } }, li.client)
    expect(receipt).toMatchObject({ serviceName: '低压非居民新装（小微企业）', limitDays: 7, feeYuan: 0 })
    expect(receipt.pendingReview).toContain('用电地址物权证明待补交（一证受理）')
    const again = await callApi('invitationAccept', { params: { id: mine.id }, body: { contractHash: mine.contract.hash } }, li.client)
    expect(again.number).toBe(receipt.number)
    const detail = await callApi('applicationDetail', { params: { number: receipt.number } }, li.client)
    expect(detail.number).toBe(receipt.number)
    expect((await callApi('invitations', {}, li.client)).invitations).toEqual([])
    expect((await failure(callApi('invitationDecline', { params: { id: mine.id }, body: {} }, li.client))).code).toBe('INVITATION_DECIDED')
    const staffView = (await callApi('staffLeads', {}, gw.client)).leads.find((l) => l.id === mine.id)
    expect(staffView).toMatchObject({ state: 'accepted', applicationNumber: receipt.number })
    // the application is a normal one: the staff search finds it under the business's credit code
    const found = await callApi('staffSearch', { query: { q: LI_BUSINESS } }, gw.client)
    expect(found.items.map((i) => i.number)).toContain(receipt.number)
  })

  it('should let the owner decline, once', async () => {
    const [hers] = (await callApi('invitations', {}, wang.client)).invitations
    expect(await callApi('invitationDecline', { params: { id: hers.id }, body: { reason: '暂不需要' } }, wang.client)).toMatchObject({ state: 'declined' })
    expect((await failure(callApi('invitationAccept', { params: { id: hers.id }, body: { contractHash: hers.contract.hash } }, wang.client))).code).toBe('INVITATION_DECIDED')
  })

  it('should count the leads and their outcomes in the district\'s month, and nothing personal', async () => {
    const district = await staffSignIn(s, 'wz-jxw')
    const month = chinaDate(suite.clock.now()).slice(0, 7)
    const figures = await callApi('oversightMonth', { query: { month } }, district.client)
    const gwMonth = figures.enterprises.find((e) => e.provider === 'sgcc-wanzhou')
    expect(gwMonth?.leads).toEqual({ invited: 2, accepted: 1, declined: 1 })
    expect(figures.enterprises.find((e) => e.provider === 'sanxia')?.leads).toEqual({ invited: 0, accepted: 0, declined: 0 })
    const trend = await callApi('oversightTrend', { query: { to: month } }, district.client)
    expect(trend.indicators.find((i) => i.code === 'leads-accepted')?.series.find((x) => x.provider === 'sgcc-wanzhou')?.values.at(-1)).toBe(1)
    const csv = await (await rawGet(s, `/api/oversight/month.csv?month=${month}`, district.token)).text()
    expect(csv).toContain('主动服务邀请已申请,1,0')
    // the district reads no lead
    expect((await failure(callApi('staffLeads', {}, district.client))).code).toBe('FORBIDDEN')
  })
})
