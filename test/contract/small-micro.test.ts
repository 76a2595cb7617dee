// 小微企业认定: a 低压非居民 business's 小微 status, asked of the national 小微企业名录 (the demo's simulated one) after the
// submission has answered: the registry down never holds the applicant up (待核验, with why and when next), a recovery
// is recorded once as the case's event, and staff see the result with its basis and time.
import type { AnswersInput } from '../../src/contract/answers'
import { callApi } from '../../src/lib/http/client'
import { FAULTY_CREDIT_CODE } from '../../mock/sme-registry/sim-data'
import { owedCheckOf } from '../../mock/sme-registry/owed'
import { failure, newDraft, shopAnswers, signedBody, submit } from './support/fixtures'
import { progressSuite } from './support/progress-fixtures'
import { staffSignIn, type SignedInStaff } from './support/staff-fixtures'

const suite = progressSuite() // 李明远, Thursday 2026-11-26 10:00 in China
let s: typeof suite.s, li: typeof suite.li, gw: SignedInStaff
beforeAll(async () => {
  ({ s, li } = suite)
  gw = await staffSignIn(s, 'gw-kefu')
})
afterEach(() => { s.smeRegistry.simulator!.setSwitches({ outage: false, delayMs: 0, failureRate: 0 }) })

const worker = () => s.smeRegistry.worker!
const sim = () => s.smeRegistry.simulator!
const staffView = async (number: string) => (await callApi('staffCase', { params: { number } }, gw.client))
const checkedEvents = async (number: string) => (await staffView(number)).events.filter((e) => e.type === 'small-micro-checked')
const business = (creditCode: string, more: Partial<AnswersInput['applicant']> = {}): AnswersInput => ({
  ...shopAnswers(li), applicant: { kind: 'business', businessName: '万州区明远小吃店', creditCode, role: 'owner', mobile: '13800138000', ...more },
})
async function apply(answers: AnswersInput): Promise<string> {
  return (await submit(li, await signedBody(li, await newDraft(li), answers))).number
}

describe('小微企业认定 at submission', () => {
  it('should answer the submission with the registry down, show 待核验 with the reason and the next try, and record the answer once after recovery', async () => {
    sim().setSwitches({ outage: true })
    const number = await apply(business('91350100M000100Y43'))
    expect((await staffView(number)).smallMicro).toMatchObject({ status: 'pending', name: '待核验', pending: { attempts: 0, reason: '提交时已登记，正在向国家小微企业名录查询' } })

    expect(await worker().runOnce()).toBe(0)
    const pending = (await staffView(number)).smallMicro
    expect(pending).toMatchObject({ status: 'pending', name: '待核验', basis: null, checkedAt: null, rule: '小微企业认定以国家文件规定及国家信息系统查询结果为准' })
    expect(pending?.pending?.reason).toBe('国家小微企业名录暂不可用（HTTP 503：系统维护中）')
    expect(pending?.pending?.attempts).toBe(1)
    const next = Date.parse(pending!.pending!.nextAttemptAt!) - suite.clock.now().getTime()
    expect(next).toBeGreaterThanOrEqual(15_000)
    expect(next).toBeLessThanOrEqual(30_000)
    expect(await checkedEvents(number)).toEqual([])

    // recovered, but the next try is not due yet: nothing is asked
    sim().setSwitches({ outage: false })
    const asked = sim().asked('91350100M000100Y43')
    expect(await worker().runOnce()).toBe(0)
    expect(sim().asked('91350100M000100Y43')).toBe(asked)
    suite.clock.advance(31_000)
    expect(await worker().runOnce()).toBe(1)
    expect(await worker().runOnce()).toBe(0)

    const done = (await staffView(number)).smallMicro
    expect(done).toEqual({
      status: 'micro', name: '微型企业', note: null, rule: '小微企业认定以国家文件规定及国家信息系统查询结果为准',
      basis: '《中小企业划型标准规定》（工信部联企业〔2011〕300号），按餐饮业的从业人员和营业收入指标划型为微型企业，已纳入小微企业名录',
      source: '国家企业信用信息公示系统·小微企业名录', registryDate: '2025-03-18', checkedAt: suite.clock.now().toISOString(), pending: null,
    })
    const events = await checkedEvents(number)
    expect(events.map((e) => [e.text, e.actorName])).toEqual([['小微企业认定：国家小微企业名录查询结果', '系统']])
    expect(events[0].details).toEqual([
      { label: '认定结果', value: '微型企业' }, { label: '依据', value: done!.basis }, { label: '查询来源', value: '国家企业信用信息公示系统·小微企业名录' },
      { label: '名录记录日期', value: '2025-03-18' },
    ])
    // the applicant's own timeline does not carry it
    const mine = await callApi('applicationDetail', { params: { number } }, li.client)
    expect(mine.timeline.map((t) => t.type)).not.toContain('small-micro-checked')
  })

  it('should ask again after a worker dies between asking and recording, and still record once', async () => {
    const number = await apply(business('91500101MA5UMY0L1K', { businessName: '重庆万州明远商贸有限公司' }))
    // the "crashed" worker: it asked the registry, and died before recording the answer
    const crashed = await s.smeRegistry.port!.lookup('91500101MA5UMY0L1K')
    expect(crashed.outcome).toBe('found')
    expect(owedCheckOf(s.db, number)?.state).toBe('owed')
    expect(await worker().runOnce()).toBe(1)
    expect(sim().asked('91500101MA5UMY0L1K')).toBeGreaterThanOrEqual(2)
    expect(await checkedEvents(number)).toHaveLength(1)
    expect((await staffView(number)).smallMicro).toMatchObject({ status: 'small', name: '小型企业', registryDate: '2026-11-23' })
  })

  it('should record 非小微, 未查到 (with what staff should do) and keep 待核验 for the business the registry fails on', async () => {
    const none = await apply(business('91350100M000100Y44', { creditCodeConfirmed: true }))
    const unknown = await apply(business('11100000000013127D'))
    const faulty = await apply(business(FAULTY_CREDIT_CODE))
    await worker().runOnce()
    expect((await staffView(none)).smallMicro).toMatchObject({ status: 'none', name: '非小微', basis: expect.stringContaining('未纳入小微企业名录') })
    expect((await staffView(unknown)).smallMicro).toMatchObject({
      status: 'not-found', name: '未查到', basis: null, note: '国家小微企业名录中没有该统一社会信用代码，请对照营业执照和国家企业信用信息公示系统人工核验',
    })
    expect((await staffView(faulty)).smallMicro).toMatchObject({ status: 'pending', pending: { attempts: 1, reason: '国家小微企业名录暂不可用（HTTP 503：该企业的划型数据正在更新，请稍后查询）' } })
  })

  it('should owe no check for an individual (个体工商户 by 字号, no credit code)', async () => {
    const individual = await apply({ ...shopAnswers(li), applicant: { kind: 'individual', role: 'owner', useIdentityMobile: true, shopName: '明远小吃' } })
    expect(owedCheckOf(s.db, individual)).toBeUndefined()
    expect((await staffView(individual)).smallMicro).toBeNull()
  })

  it('should show it to the case\'s own enterprise only: another enterprise\'s staff get NOT_FOUND, the district FORBIDDEN', async () => {
    const number = await apply(business('91350100M000100Y43'))
    expect((await failure(callApi('staffCase', { params: { number } }, (await staffSignIn(s, 'sx-kefu')).client))).code).toBe('NOT_FOUND')
    expect((await failure(callApi('staffCase', { params: { number } }, (await staffSignIn(s, 'wz-jxw')).client))).code).toBe('FORBIDDEN')
  })
})
