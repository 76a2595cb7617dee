// 主动服务 in Chromium: 国网万州's customer service registers 李明远's newly registered company as a lead on the 主动服务
// page; 李明远 signs in with 渝快办, finds 供电企业主动服务邀请 on 我的申请 with everything prefilled, and applies with
// one confirmation; the lead then shows 已申请 with the application's number on the staff page, and the case its
// 小微企业认定 from the national 小微企业名录.
import { newJourney, useJourneyEnv, visibleText } from '../journey/support'
import { signInWithYkb } from '../support/sign-in'
import { currentPage } from '../track/support'
import { staffSignIn, staffToken } from '../staff/support'
import { ROUTES } from '../../../src/contract/routes'

jest.setTimeout(240_000)
const env = useJourneyEnv()
const CREDIT_CODE = '91500101MA5UMY0L1K'

describe('主动服务 (proactive service)', () => {
  it('should invite the owner of a new business, who applies in one confirmation', async () => {
    // staff: register the lead
    const staff = await newJourney(env(), 'lead-staff', { desktop: true })
    const sj = staff.j
    await staffSignIn(sj, 'gw-kefu', 'Demo-gw-2026')
    await sj.tap(currentPage(staff.page).locator('[role=link]', { hasText: '主动服务' }))
    await sj.at('主动服务', { count: false })
    // a mistyped code is refused by the validator before anything is sent
    await sj.type('统一社会信用代码', '91500101MA5UMY0L1')
    await sj.tap('登记并发出邀请')
    await currentPage(staff.page).locator('.error-summary', { hasText: '请输入18位统一社会信用代码（现在是17位）' }).waitFor()
    await sj.snap('lead-errors')
    await sj.type('统一社会信用代码', CREDIT_CODE)
    await sj.type('筛选乡镇街道', '瀼渡')
    await sj.tap(currentPage(staff.page).getByRole('radio', { name: '瀼渡镇' }))
    await sj.type('详细地址', '新城路88号1幢1-2')
    await sj.type('预计报装容量（千瓦）', '30')
    await sj.tap(currentPage(staff.page).getByRole('radio', { name: '商铺经营' }))
    await sj.tap('登记并发出邀请')
    await currentPage(staff.page).getByText('已向“重庆万州明远商贸有限公司”的负责人发出主动服务邀请').waitFor({ timeout: 15_000 })
    const row = currentPage(staff.page).locator('.lead-card', { hasText: '重庆万州明远商贸有限公司' })
    expect(await row.innerText()).toContain('已邀请')
    await sj.snap('lead-registered')

    // the owner: signs in with 渝快办 and finds the invitation on 我的申请
    const { j, page, ctx, problems } = await newJourney(env(), 'lead-owner')
    await signInWithYkb(j, '李')
    await j.at('选择业务', { count: false }) // signed in, consent recorded
    // back on the start page (the app opened again), 我的申请
    await page.goto('about:blank')
    await page.goto(`${env().server.url}/#/pages/index/index`)
    await j.tap('我的申请')
    await j.at('我的申请', { count: false })
    await j.tap(currentPage(page).locator('[role=link]', { hasText: '您有1条供电企业主动服务邀请' }))
    await j.at('供电企业主动服务邀请', { count: false })
    const text = await visibleText(page)
    for (const shown of ['重庆万州明远商贸有限公司', CREDIT_CODE, '低压非居民新装（小微企业）', '瀼渡镇新城路88号1幢1-2', '30千瓦', '商铺经营', '李**', '138****8000', '全流程不超过7个工作日', '《低压供用电合同》摘要']) {
      expect(text).toContain(shown)
    }
    expect(text).not.toContain('13800138000')
    await j.snap('invitation')

    // one confirmation: the tap signs the contract shown and applies
    await j.tap('确认申请')
    const number = page.locator('.result__number').filter({ visible: true })
    await number.waitFor({ timeout: 30_000 })
    const applied = (await number.innerText()).trim()
    expect(applied).toMatch(/^WZ\d{14}$/)
    expect(await visibleText(page)).toContain('申请已提交')
    await j.snap('applied')
    await ctx.close()

    // staff see the outcome with the application's number
    await staff.page.reload()
    await sj.at('主动服务', { count: false })
    const after = currentPage(staff.page).locator('.lead-card', { hasText: '重庆万州明远商贸有限公司' })
    await after.filter({ hasText: '已申请' }).waitFor({ timeout: 15_000 })
    expect(await after.innerText()).toContain(applied)
    await sj.snap('lead-accepted')

    // the case: 小微企业认定 as the national 小微企业名录 (the demo's simulated one) answered after the submission
    const token = await staffToken(staff.page)
    const casePath = ROUTES.staffCase.path.replace(':number', applied)
    // asked from here until the worker has recorded an answer (page.waitForFunction does not await an async predicate:
    // the promise itself is truthy, so it stopped at the first try). The worker looks every 5 s; a first try that
    // fails on a loaded machine is tried again 15–30 s later: hence a minute
    const smallMicroStatus = async () => {
      const r = await fetch(`${env().server.url}${casePath}`, { headers: { authorization: `Bearer ${token}` } })
      return ((await r.json()) as { data?: { smallMicro?: { status?: string } } }).data?.smallMicro?.status
    }
    let status = await smallMicroStatus()
    for (const deadline = Date.now() + 60_000; (status === undefined || status === 'pending') && Date.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 500)) // the poll's interval, not a wait for something
      status = await smallMicroStatus()
    }
    expect(status).toBe('small')
    await staff.page.goto(`${env().server.url}/#/packages/staff/pages/case/index?number=${applied}`)
    const smallMicro = currentPage(staff.page).getByRole('group', { name: '小微企业认定' })
    await smallMicro.waitFor({ timeout: 15_000 })
    const card = await smallMicro.innerText()
    for (const shown of ['小微企业认定：小型企业', '国家企业信用信息公示系统·小微企业名录', '记录日期 2026-11-23', '《中小企业划型标准规定》（工信部联企业〔2011〕300号）', '小微企业认定以国家文件规定及国家信息系统查询结果为准']) {
      expect(card).toContain(shown)
    }
    await smallMicro.scrollIntoViewIfNeeded()
    await sj.snap('case-small-micro')
    await staff.ctx.close()
    expect(problems).toEqual([])
    expect(staff.problems).toEqual([])
  })
})
