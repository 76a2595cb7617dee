import type { Page } from 'playwright-core'
import { signInWithYkb } from '../support/sign-in'
import {
  addressIn, applicantOwner, authorisedLicences, checkSignSubmit, chooseService, loadOf, newJourney, unexpected, useJourneyEnv, visibleText,
} from './support'

jest.setTimeout(240_000)
const env = useJourneyEnv()

/** What a phone keeps of the draft: Taro H5 storage wraps each value as `{"data": …}` in localStorage. */
async function storedLoad(page: Page): Promise<unknown> {
  const raw = await page.evaluate(() => localStorage.getItem('wz-draft'))
  const { data } = JSON.parse(raw ?? '{}') as { data?: string }
  return (JSON.parse(data ?? '{}') as { state?: { answers?: { load?: unknown } } }).state?.answers?.load
}

const conflictBox = (page: Page) => page.locator('.draft-conflict').filter({ visible: true })

describe('the draft follows the account, and is gone once submitted', () => {
  it('should offer a draft saved on another phone, show a conflict on screen with a choice, and leave no way back into the wizard after submitting', async () => {
    // Phone A starts the application and gets as far as 用电需求.
    const a = await newJourney(env(), 'follow-a')
    await signInWithYkb(a.j, '李')
    await chooseService(a.j, '低压非居民新装（小微企业）')
    await applicantOwner(a.j, '个人（含个体工商户）')
    await addressIn(a.j, '瀼渡镇', '演示街9号1幢1-1')
    await a.j.at('用电需求')

    // Phone B, a new browser: signing in brings the same draft; the start page offers to go on with it.
    const b = await newJourney(env(), 'follow-b')
    await signInWithYkb(b.j, '李')
    await b.j.at('选择业务', { count: false })
    await b.page.getByRole('radio', { name: /低压非居民新装/, checked: true }).filter({ visible: true }).waitFor({ timeout: 15_000 })
    await b.page.goto(env().server.url + '/')
    await b.page.getByText('草稿已保存，上次填到：用电需求').filter({ visible: true }).waitFor({ timeout: 30_000 })
    await b.j.snap('start-with-other-phones-draft')
    await b.j.tap('继续上次的申请')
    await loadOf(b.j, '20', '商铺经营')
    await b.j.at('证照材料')

    // Phone A, still on 用电需求 with the older copy, goes on: the conflict is on screen, with a choice.
    await loadOf(a.j, '30', '商铺经营')
    await a.j.at('证照材料')
    await conflictBox(a.page).waitFor({ timeout: 15_000 })
    const words = await conflictBox(a.page).innerText()
    expect(words).toContain('草稿在别处改过，要保留哪一份？')
    expect(words).toMatch(/已在其他手机或浏览器上修改过（\d{4}-\d{2}-\d{2} \d{2}:\d{2}保存，填到：证照材料）/)
    expect(await visibleText(a.page)).toContain('草稿在别处改过：请在上方选择保留哪一份')
    await a.j.snap('conflict')
    await a.j.tap(conflictBox(a.page).locator('taro-button-core, .taro-button-core, button', { hasText: '保留我的修改' }).first())
    await conflictBox(a.page).waitFor({ state: 'detached' })
    await a.page.getByText('草稿已保存，可随时回来继续').filter({ visible: true }).waitFor()

    // Phone B's start page meets A's copy: it has no changes of its own, so it takes it.
    await b.page.goto(env().server.url + '/')
    await b.page.getByText('继续上次的申请').filter({ visible: true }).waitFor({ timeout: 30_000 })
    await b.page.waitForFunction(() => (localStorage.getItem('wz-draft') ?? '').includes('\\"capacityKw\\":30'))
    expect(await storedLoad(b.page)).toMatchObject({ capacityKw: 30 })

    // A submits. Back from the case leads home, which offers a new application; the wizard says it is submitted.
    await authorisedLicences(a.j)
    const number = await checkSignSubmit(a.j)
    expect(number).toMatch(/^WZ\d{14}$/)
    await a.j.tap('查看办理进度')
    await a.page.locator('.app-card__title[role=heading]').filter({ visible: true }).waitFor({ timeout: 20_000 })
    await a.page.goBack()
    await a.page.getByText('我要申请办电').filter({ visible: true }).waitFor({ timeout: 15_000 })
    expect(await visibleText(a.page)).not.toContain('草稿已保存')
    await a.j.snap('home-after-submit')
    await a.page.goto(`${env().server.url}/#/packages/apply/pages/check/index`)
    await a.page.getByText(`这份申请已提交，申请编号 ${number}`).filter({ visible: true }).waitFor({ timeout: 15_000 })
    await a.j.snap('wizard-after-submit')

    // And on phone B the draft is gone too.
    await b.page.goto(env().server.url + '/')
    await b.page.getByText('我要申请办电').filter({ visible: true }).waitFor({ timeout: 30_000 })
    expect(await visibleText(b.page)).not.toContain('继续上次的申请')

    // The one 409 is phone A's stale save, shown on screen above; nothing else went wrong.
    expect(unexpected(a.problems, [/^console: Failed to load resource: the server responded with a status of 409 \(Conflict\) http:\/\/[^ ]+\/api\/drafts\/current$/])).toEqual([])
    expect(b.problems).toEqual([])
    await a.ctx.close()
    await b.ctx.close()
  })
})
