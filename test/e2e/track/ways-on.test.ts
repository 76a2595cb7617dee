// Issue 12, items 11 and 12, as a person meets them on H5: a link to a case opened without sign-in leads through
// sign-in and back to the case; a case of another account says so and offers the ways on; a page opened directly
// has 首页, one reached from another 返回; the signed contract opens as a PDF from the case.
import { newJourney, unexpected, visibleText } from '../journey/support'
import { watchProblems } from '../support/browser'
import { Journey } from '../support/journey'
import { currentPage, httpStatus, submitLowVoltage, useTrackEnv } from './support'

jest.setTimeout(240_000)
const env = useTrackEnv()

const detailLink = (number: string) => `${env().server.url}/#/packages/track/pages/detail/index?number=${number}`
const heading = (text: string) => (page: import('playwright-core').Page) =>
  currentPage(page).locator('[role=heading]', { hasText: text }).first()

describe('ways on from a case page', () => {
  it('should open the contract PDF, lead a signed-out link through sign-in back to the case, and turn another account away with ways on', async () => {
    const li = await newJourney(env(), 'ways-on-owner')
    const number = await submitLowVoltage(li.j)
    await li.j.tap('查看办理进度')
    await heading('低压非居民新装（小微企业）')(li.page).waitFor()

    // the signed contract: the digest explained, the PDF opened in a new tab from the signed record
    const contract = currentPage(li.page).locator('.contract-card')
    expect(await contract.innerText()).toContain('校验码是签署时由合同全文算出的“数字指纹”')
    const [tab] = await Promise.all([li.ctx.waitForEvent('page'), li.j.tap(contract.locator('taro-button-core, .taro-button-core, button', { hasText: '查看合同（PDF）' }).first())])
    expect(tab.url()).toMatch(/^blob:/)
    const head = await tab.evaluate(async (url) => new TextDecoder('latin1').decode((await (await fetch(url)).arrayBuffer()).slice(0, 8)), tab.url())
    expect(head).toBe('%PDF-1.4')
    await tab.close()
    // never a dead end: 返回 or 首页 in the page itself
    expect(await currentPage(li.page).locator('.page-nav').innerText()).toMatch(/返回|首页/)
    await li.j.snap('detail-contract')
    expect(li.problems).toEqual([])
    await li.ctx.close()

    // the same link on a phone that is not signed in: sign-in says what it is for, then the case itself
    const fresh = await newJourney(env(), 'ways-on-signed-out')
    await fresh.page.goto(detailLink(number))
    await heading('登录后查看您的申请')(fresh.page).waitFor()
    await fresh.j.snap('sign-in-for-case')
    await fresh.j.tap('使用渝快办授权登录')
    await fresh.page.getByLabel(/李/).first().check()
    await fresh.j.tap(fresh.page.getByRole('button', { name: '同意授权' }))
    await heading('低压非居民新装（小微企业）')(fresh.page).waitFor({ timeout: 20_000 })
    expect(await visibleText(fresh.page)).toContain(`申请编号 ${number}`)
    expect(unexpected(fresh.problems, [httpStatus(401, `/api/applications/${number}`)])).toEqual([])
    await fresh.ctx.close()

    // 王芳 opens 李明远's link: no bare 未找到, but what it means and three ways on
    const wang = await newJourney(env(), 'ways-on-foreign')
    await wang.page.goto(detailLink(number))
    await heading('登录后查看您的申请')(wang.page).waitFor()
    await wang.j.tap('使用渝快办授权登录')
    await wang.page.getByLabel(/王/).first().check()
    await wang.j.tap(wang.page.getByRole('button', { name: '同意授权' }))
    await heading(`当前账号下没有申请 ${number}`)(wang.page).waitFor({ timeout: 20_000 })
    const ways = await currentPage(wang.page).locator('taro-button-core, .taro-button-core, button').allInnerTexts()
    expect(ways).toEqual(['查看我的申请', '凭手机号查询进度', '返回首页'])
    await wang.j.snap('foreign-case')
    await wang.j.tap('凭手机号查询进度')
    await heading('免登录查询办理进度')(wang.page).waitFor()
    expect(await currentPage(wang.page).getByLabel('申请编号或一件事编号', { exact: true }).inputValue()).toBe(number)
    expect(unexpected(wang.problems, [httpStatus(401, `/api/applications/${number}`), httpStatus(404, `/api/applications/${number}`)])).toEqual([])
    await wang.ctx.close()
  })

  it('should give a page opened directly a way home', async () => {
    const { ctx } = await newJourney(env(), 'ways-on-direct')
    // opened directly: a new tab loads the page's address (a hash change on the open start page is another thing,
    // and one made while the app is still starting can be missed by Taro's router)
    const page = await ctx.newPage()
    const problems = watchProblems(page)
    const j = new Journey(page, 'ways-on-direct')
    await page.goto(`${env().server.url}/#/packages/track/pages/lookup/index`)
    // say what was on screen if the page never shows
    await heading('免登录查询办理进度')(page).waitFor().catch(async (e: unknown) => {
      const pages = await page.evaluate(() => [...document.querySelectorAll('.taro_page')].map((p) => `${p.id} ${(p as HTMLElement).offsetHeight}px`))
      const scripts = await page.evaluate(() => [...document.scripts].map((s) => s.src.replace(location.origin, '')).filter(Boolean))
      throw new Error(`${String(e)}\nat ${page.url()}; pages: ${pages.join(' | ') || 'none'}; text: ${(await visibleText(page)).slice(0, 200)}; ` +
        `scripts: ${scripts.join(' ')}; problems: ${problems.join(' | ') || 'none'}`)
    })
    const nav = currentPage(page).locator('.page-nav')
    expect(await nav.innerText()).toContain('首页')
    await j.snap('lookup-direct')
    await j.tap(nav.getByRole('link'))
    await page.getByText('我要申请办电').filter({ visible: true }).first().waitFor()
    expect(await page.locator('.page-nav').filter({ visible: true }).count()).toBe(0)
    await ctx.close()
  })
})
