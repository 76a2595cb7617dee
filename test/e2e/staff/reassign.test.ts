import { newJourney, unexpected, useJourneyEnv, visibleText } from '../journey/support'
import type { Journey } from '../support/journey'
import { currentPage, submitLowVoltage, waitForPage } from '../track/support'
import { staffSignIn } from './support'

jest.setTimeout(300_000)
const env = useJourneyEnv()
const REASON = '现场核实：用电地址在三峡水利供区'

/** Signed in as staff: 查找 by number, open the case. */
async function openCase(j: Journey, number: string): Promise<void> {
  await j.type('查找', number)
  await j.tap(currentPage(j.page).locator('taro-button-core, .taro-button-core, button', { hasText: '查询' }).first())
  const row = currentPage(j.page).locator('.case-row', { hasText: number })
  await row.waitFor({ timeout: 15_000 })
  await j.tap(row)
  await j.at('低压非居民新装（小微企业）', { count: false })
}

describe('改派 by a 班长', () => {
  it('should move a 国网 case to 三峡水利 with a reason: the 班长 hands it over, 三峡水利 sees it and its log, the applicant sees the new enterprise', async () => {
    const applicant = await newJourney(env(), 'reassign-applicant')
    const number = await submitLowVoltage(applicant.j)

    // 国网's 班长 opens it and moves it
    const bz = await newJourney(env(), 'reassign-banzhang')
    await staffSignIn(bz.j, 'gw-banzhang', 'Demo-gw-bz-2026')
    await openCase(bz.j, number)
    expect(await visibleText(bz.page)).toContain('供电企业：国网万州供电分公司')
    const move = currentPage(bz.page).locator('taro-button-core, .taro-button-core, button', { hasText: '改派至三峡水利' })
    await bz.j.tap(move) // no reason yet: refused, said why
    await currentPage(bz.page).getByRole('alert').filter({ hasText: '请填写改派原因' }).waitFor({ timeout: 10_000 })
    await bz.j.type('改派原因', REASON)
    await bz.j.snap('reason-typed')
    await bz.j.tap(move)
    await currentPage(bz.page).getByRole('status').filter({ hasText: '已改派至三峡水利' }).waitFor({ timeout: 15_000 })
    expect(await visibleText(bz.page)).toContain('本企业不再办理此件')
    await bz.j.snap('handed-over')
    await bz.j.tap(currentPage(bz.page).locator('taro-button-core, .taro-button-core, button', { hasText: '返回查找' }))
    await bz.j.at('申请查询', { count: false })
    await bz.j.type('查找', number)
    await bz.j.tap(currentPage(bz.page).locator('taro-button-core, .taro-button-core, button', { hasText: '查询' }).first())
    await currentPage(bz.page).getByText('共0件').waitFor({ timeout: 15_000 })
    expect(unexpected(bz.problems, [/status of 400 \(Bad Request\) http:\/\/[^ ]+\/reassign$/])).toEqual([]) // the refusal without a reason
    await bz.ctx.close()

    // 三峡水利's customer service now finds it, with the 改派 in its log
    const sx = await newJourney(env(), 'reassign-sanxia')
    await staffSignIn(sx.j, 'sx-kefu', 'Demo-sx-2026')
    await openCase(sx.j, number)
    const text = await visibleText(sx.page)
    expect(text).toContain('供电企业：三峡水利')
    const logged = await currentPage(sx.page).locator('.event-row', { hasText: '改派供电企业' }).innerText()
    expect(logged).toContain('工作人员 国网万州供电分公司班长（演示）')
    expect(logged).toContain(`改派原因：${REASON}`)
    expect(logged).toContain('改派至：三峡水利')
    expect(text).not.toContain('改派至三峡水利') // an agent gets no 改派 button
    await sx.j.snap('sanxia-case')
    expect(unexpected(sx.problems, [])).toEqual([])
    await sx.ctx.close()

    // the applicant's detail names the new enterprise and says so in 办理记录
    const a = applicant.j
    await a.tap('返回首页')
    await a.tap(applicant.page.locator('[role=link]', { hasText: '我的申请' }).filter({ visible: true }).first())
    await a.at('我的申请', { count: false })
    await a.tap(currentPage(applicant.page).locator('[role=link]', { hasText: number }))
    const detail = await waitForPage(applicant.page, 'the new enterprise', (t) => t.includes('供电企业：三峡水利'), 20_000)
    expect(detail).toContain('改由三峡水利办理，办理时限照常计算')
    expect(detail).not.toContain(REASON)
    await a.snap('applicant-detail')
    expect(unexpected(applicant.problems, [])).toEqual([])
    await applicant.ctx.close()
  })
})
