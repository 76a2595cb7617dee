import type { BrowserContext, Page } from 'playwright-core'
import { phoneContext, watchProblems } from '../support/browser'
import { Journey } from '../support/journey'
import { newJourney, unexpected, visibleText } from '../journey/support'
import { clock, codesSent, currentPage, httpStatus, stageStates, submitLowVoltage, useTrackEnv, type TrackEnv } from './support'

jest.setTimeout(180_000)
const env = useTrackEnv()

const REFUSED = '申请编号、手机号或验证码不正确，请核对后重试'
const SENT = '如编号和手机号匹配，验证码已发送'
const MOBILE = '13800138000'

async function openLookup(j: Journey): Promise<void> {
  await j.tap(j.page.locator('[role=link]', { hasText: '查询进度' }).filter({ visible: true }).first())
  await j.at('免登录查询办理进度', { count: false })
}

/** Taps 查询 and waits for the server's answer (a refusal looks the same each time, so the page alone cannot tell). */
async function query(j: Journey): Promise<void> {
  await Promise.all([
    j.page.waitForResponse((r) => r.url().endsWith('/api/lookup') && r.request().method() === 'POST'),
    j.tap(currentPage(j.page).locator('taro-button-core, .taro-button-core, button', { hasText: /^查询$/ }).first()),
  ])
}

async function freshStart(env: TrackEnv, ctx: BrowserContext): Promise<Page> {
  const page = await ctx.newPage()
  await page.goto(env.server.url + '/')
  await page.getByText('我要申请办电').waitFor({ timeout: 30_000 })
  return page
}

describe('looking up an application without signing in (查询进度)', () => {
  let number = ''

  beforeAll(async () => {
    // 李明远 applies on his own phone; his mobile (13800138000) comes from his 渝快办 identity
    const { j, ctx, problems } = await newJourney(env(), 'track-lookup-apply')
    number = await submitLowVoltage(j, '演示街11号')
    expect(problems).toEqual([])
    await ctx.close()
  })

  it('should give the same answer for a mobile that does not match, and send nothing', async () => {
    const ctx = await phoneContext(env().browser)
    const page = await freshStart(env(), ctx)
    const problems = watchProblems(page)
    const j = new Journey(page, 'track-lookup-wrong-mobile')
    await openLookup(j)
    await j.type('申请编号或一件事编号', number)
    await j.type('手机号', '13900139000')
    await j.tap('获取验证码')
    await currentPage(page).locator('.info', { hasText: SENT }).waitFor()
    expect(await currentPage(page).locator('.info').innerText()).toBe(SENT)
    await j.snap('code-for-wrong-mobile')
    expect((await codesSent(env(), ctx, number)).texts).toEqual([])
    expect(problems).toEqual([])
    await ctx.close()
  })

  it('should check the fields, refuse a wrong code and a wrong mobile alike, then show masked progress with no actions', async () => {
    const ctx = await phoneContext(env().browser)
    const page = await freshStart(env(), ctx)
    const problems = watchProblems(page)
    const j = new Journey(page, 'track-lookup')
    expect(await visibleText(page)).not.toContain('已登录')
    await openLookup(j)

    // a malformed number: the field says why, and so does the summary at the top
    await j.type('申请编号或一件事编号', 'WZ2026')
    await j.type('手机号', MOBILE)
    await j.tap('获取验证码')
    const bad = '请输入正确的申请编号（WZ开头）或一件事编号（YJ开头），共16位'
    const numberField = currentPage(page).locator('#field-number')
    await numberField.locator('.field__error', { hasText: bad }).waitFor()
    // the field is marked invalid for screen readers (the attribute follows the re-render)
    await numberField.locator('[aria-label="申请编号或一件事编号"][aria-invalid="true"]').waitFor({ timeout: 5000 })
    const summary = currentPage(page).locator('.error-summary')
    expect(await summary.locator('.error-summary__item').allInnerTexts()).toEqual([bad])
    expect(await currentPage(page).locator('#field-mobile .field__error').count()).toBe(0)
    await j.snap('malformed-number')
    expect((await codesSent(env(), ctx, number)).texts).toEqual([])

    // the right number and mobile: a code is "sent" (the demo SMS panel shows it, the mobile masked)
    await j.type('申请编号或一件事编号', number)
    await j.tap('获取验证码')
    await currentPage(page).locator('.info', { hasText: SENT }).waitFor()
    expect(await summary.count()).toBe(0)
    expect(await currentPage(page).locator('taro-button-core, .taro-button-core, button', { hasText: /\d+秒后可重新获取/ }).count()).toBe(1)
    await j.snap('code-sent')
    const sent = await codesSent(env(), ctx, number)
    expect(sent.codes).toHaveLength(1)
    expect(sent.texts[0]).toContain('138****8000')
    expect(sent.texts[0]).not.toContain(MOBILE)
    const code = sent.codes[0]
    expect(code).toMatch(/^\d{6}$/)

    // a wrong code
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0')
    await j.type('验证码', wrong)
    await query(j)
    await summary.locator('.error-summary__item', { hasText: REFUSED }).waitFor()
    const wrongCodeAnswer = await summary.innerText()
    await j.snap('wrong-code')

    // the right code with a mobile that is not the applicant's: the identical answer
    await j.type('手机号', '13900139000')
    await j.type('验证码', code)
    await query(j)
    await summary.locator('.error-summary__item', { hasText: REFUSED }).waitFor()
    expect(await summary.innerText()).toBe(wrongCodeAnswer)
    expect(await summary.locator('.error-summary__item').allInnerTexts()).toEqual([REFUSED])
    await j.snap('wrong-mobile')

    // all three right: the progress, the address masked, nothing to act on
    await j.type('手机号', MOBILE)
    await query(j)
    await j.at('低压非居民新装（小微企业）', { count: false })
    const text = await visibleText(page)
    expect(text).toContain(`申请编号 ${number}`)
    expect(text).toContain('重庆市万州区瀼渡镇****')
    expect(text).not.toContain('演示街11号')
    expect(await clock(page).getAttribute('aria-label')).toBe('办理状态：进行中')
    expect(await stageStates(page)).toEqual({ 受理签约: '进行中', 施工接电: '未开始' })
    expect(text).toContain('提交申请')
    for (const action of ['撤回申请', '评价本次服务', '需要补正材料', '上传本环节材料', '提交材料']) expect(text).not.toContain(action)
    expect(await currentPage(page).locator('taro-button-core, .taro-button-core, button').allInnerTexts()).toEqual(['返回首页'])
    await j.snap('detail-masked')

    // still nobody is signed in
    await j.tap('返回首页')
    await page.getByText('我要申请办电').filter({ visible: true }).first().waitFor()
    expect(await visibleText(page)).not.toContain('已登录')

    expect(unexpected(problems, [httpStatus(400, '/api/lookup')])).toEqual([])
    expect(problems.filter((p) => /\/api\/lookup$/.test(p))).toHaveLength(2)
    await ctx.close()
  })
})
