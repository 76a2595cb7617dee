// 水电气讯 一件事一次办 in the H5 app against the real mock server: 李明远 applies for electricity, water and gas in
// one go with authorised e-licences (broadband refused at the consent step); the water utility is down when he
// submits and comes back; he sees each part's progress side by side; the gas provider's staff see only the gas case.
import { addressIn, applicantOwner, authorisedLicences, checkSignSubmit, loadOf, newJourney, useJourneyEnv, visibleText } from '../journey/support'
import { signInWithYkb } from '../support/sign-in'
import { currentPage } from '../track/support'
import { staffSignIn } from '../staff/support'

jest.setTimeout(300_000)
const env = useJourneyEnv()

/** The demo's simulated utility's control panel (its own HTTP switches, as a test harness would use them). */
async function simulator(provider: string, switches: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${env().server.url}/sim/utilities/${provider}/switches`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(switches),
  })
  expect(res.status).toBe(200)
}

describe('one application for electricity, water and gas', () => {
  it('should submit all three with one set of answers, wait for the water utility that is down, and show each part', async () => {
    await simulator('wz-water', { outage: true, autoAdvanceMs: 1000 })
    await simulator('wz-gas', { autoAdvanceMs: null })
    const { j, page, ctx, problems } = await newJourney(env(), 'joint')
    await signInWithYkb(j, '李')

    await j.at('选择业务')
    await j.tapRole('radio', '低压非居民新装（小微企业）')
    const offers = currentPage(page).locator('.joint-offers')
    await offers.waitFor()
    const offerText = await offers.innerText()
    // each option says, before anything is typed: provider, stages and limit, fee, what more it asks, and that these are defaults
    expect(offerText).toContain('万州区供水企业（示例）办理：受理1天 → 勘查设计3天 → 施工通水5天，全流程不超过9个工作日')
    expect(offerText).toContain('还需填写：用水性质、用水人数')
    expect(offerText).toContain('以上时限和费用为默认值，以供水企业答复为准')
    await j.tapRole('checkbox', '用水报装（供水）')
    await j.tapRole('checkbox', '用气报装（燃气）')
    await j.tapRole('checkbox', '宽带报装（宽带）')
    await j.snap('joint-offers-ticked')
    await j.continue()

    await applicantOwner(j, '个人（含个体工商户）')
    await addressIn(j, '瀼渡镇', '演示街9号1幢1-1')
    await loadOf(j, '20', '商铺经营')

    await j.at('同时办理')
    await j.continue()
    // nothing answered yet: each missing answer is named, on this page
    await currentPage(page).getByText('请填写用水的用水人数（1–500人的整数）').first().waitFor()
    await j.tapRole('radio', '经营用水')
    await j.type('用水人数（人）', '6')
    await j.tapRole('radio', '商用灶具')
    await j.tapRole('radio', '300兆')
    await j.snap('joint-answered')
    await j.continue()

    await authorisedLicences(j)

    await j.at('信息共享授权')
    const share = await visibleText(page)
    expect(share).toContain('向万州区供水企业（示例）提供信息')
    expect(share).toContain('提供的信息：申请人姓名、身份证件号码、联系电话、企业名称和统一社会信用代码、接入地址、不动产权证书信息（权利人、证号、坐落）、本业务补充填写的信息')
    const decide = (who: string, answer: '同意' | '不同意') =>
      j.tap(currentPage(page).getByRole('radiogroup', { name: `是否同意向${who}提供以上信息？` }).getByRole('radio', { name: answer, exact: true }))
    await decide('供水', '同意')
    await decide('燃气', '同意')
    await decide('宽带', '不同意')
    await currentPage(page).getByText('将不办理宽带报装').waitFor()
    await j.snap('consents')
    await j.continue()

    const number = await checkSignSubmit(j, ['用水报装', '用水性质：经营用水；用水人数：6人', '同意提供', '不同意（不办理宽带报装）'])
    expect(number).toMatch(/^WZ\d{14}$/)
    const result = await visibleText(page)
    const jointNumber = /YJ\d{14}/.exec(result)?.[0]
    expect(jointNumber).toBeDefined()
    expect(result).toContain('用水报装：万州区供水企业（示例）')
    expect(result).toContain('用气报装：万州区燃气企业（示例）')
    expect(result).toContain('未同意提供信息，未办理：宽带报装')

    // the 一件事 number is handed on like an application's: a link to 查询进度 with it filled in (the lookup takes it)
    await ctx.grantPermissions(['clipboard-read', 'clipboard-write'])
    await j.tap(currentPage(page).getByRole('button', { name: `分享一件事编号${jointNumber}` }))
    await currentPage(page).locator('.joint-part .copy-number__said').waitFor()
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    expect(copied).toContain(`万州办电一件事编号${jointNumber}`)
    expect(/https?:\/\/[^\s"\\]+/.exec(copied)?.[0]).toBe(`${env().server.url}/#/packages/track/pages/lookup/index?number=${jointNumber}`)
    await j.snap('joint-number-shared')

    // the case page: the three side by side; water waits (接收中) while its utility is down, gas is received
    await j.tap('查看办理进度')
    const grid = () => currentPage(page).locator('.joint-grid')
    await grid().waitFor({ timeout: 20_000 })
    const cell = (service: string) => grid().locator('.joint-grid__cell', { hasText: service })
    await cell('用水报装').getByText('接收中').waitFor({ timeout: 20_000 })
    // the page refreshes itself (it polls); gas was delivered at once
    await cell('用气报装').filter({ hasNotText: '接收中' }).waitFor({ timeout: 75_000 })
    await j.snap('water-receiving')
    expect(await cell('用水报装').innerText()).toContain('接收中')

    // the water utility comes back: the outbox delivers, the utility works the case and pushes its stages back
    await simulator('wz-water', { outage: false })
    await cell('用水报装').filter({ hasText: /当前：(勘查设计|施工通水)|已办结/ }).waitFor({ timeout: 120_000 })
    expect(await cell('用水报装').innerText()).not.toContain('接收中')
    await j.snap('water-moving')
    expect(problems.filter((p) => !/503|Service Unavailable/.test(p))).toEqual([])
    await ctx.close()

    // the gas provider's customer service finds the 一件事 by its number and sees only the gas case
    const staff = await newJourney(env(), 'joint-gas-staff')
    await staffSignIn(staff.j, 'rq-kefu', 'Demo-rq-2026')
    await staff.j.type('查找', jointNumber as string)
    await staff.j.tap(currentPage(staff.page).locator('taro-button-core, .taro-button-core, button', { hasText: '查询' }).first())
    await currentPage(staff.page).getByText('共1件').waitFor({ timeout: 15_000 })
    const rows = await currentPage(staff.page).locator('.case-row').allInnerTexts()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toContain('用气报装')
    expect(rows[0]).not.toContain(number)
    await staff.j.snap('gas-staff-search')
    expect(staff.problems).toEqual([])
    await staff.ctx.close()
  })
})
