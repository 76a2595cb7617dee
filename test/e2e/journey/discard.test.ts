import type { Page } from 'playwright-core'
import { signInWithYkb } from '../support/sign-in'
import { addressIn, applicantOwner, authorisedLicences, chooseService, loadOf, newJourney, useJourneyEnv, visibleText } from './support'

jest.setTimeout(180_000)
const env = useJourneyEnv()

/** The applicant's session token, as the app persisted it (`wz-session` → state.session.token). */
async function sessionToken(page: Page): Promise<string> {
  const raw = await page.evaluate(() => localStorage.getItem('wz-session'))
  const { data } = JSON.parse(raw ?? '{}') as { data?: string }
  const token = (JSON.parse(data ?? '{}') as { state?: { session?: { token?: string } } }).state?.session?.token
  if (!token) throw new Error(`no session token in wz-session: ${raw}`)
  return token
}

async function serverDraft(page: Page): Promise<unknown> {
  const res = await fetch(`${env().server.url}/api/drafts/current`, { headers: { authorization: `Bearer ${await sessionToken(page)}` } })
  return ((await res.json()) as { data: unknown }).data
}

describe('discarding a draft', () => {
  it('should ask first, keep the draft on 保留草稿, and on 确认放弃 delete it here and on the server', async () => {
    const { j, page, ctx, problems } = await newJourney(env(), 'discard')
    await signInWithYkb(j, '李')
    await chooseService(j, '低压非居民新装（小微企业）')
    await applicantOwner(j, '个人（含个体工商户）')
    await addressIn(j, '瀼渡镇', '演示街9号1幢1-1')
    await loadOf(j, '20', '商铺经营')
    await authorisedLicences(j)
    await j.at('核对信息')
    expect(await serverDraft(page)).toMatchObject({ page: expect.any(String) })

    // Back to the start page, as after closing and reopening the app.
    await page.goto(env().server.url + '/')
    await page.getByText('草稿已保存，上次填到：核对信息').waitFor({ timeout: 30_000 })
    await j.tap(page.getByRole('button', { name: '放弃草稿' }))
    const dialog = page.locator('[role=dialog][aria-label="确认放弃草稿"]').filter({ visible: true })
    await dialog.waitFor()
    expect(await dialog.innerText()).toContain('已填写的内容和上传的照片将被删除，无法恢复')
    await j.snap('discard-asked')

    // 保留草稿: nothing changes.
    await j.tap(dialog.locator('taro-button-core, .taro-button-core, button', { hasText: '保留草稿' }).first())
    await dialog.waitFor({ state: 'detached' })
    expect(await visibleText(page)).toContain('继续上次的申请')
    expect(await serverDraft(page)).not.toBeNull()

    // 确认放弃: gone here and on the server; the start page offers a new application.
    await j.tap(page.getByRole('button', { name: '放弃草稿' }))
    await j.tap(dialog.locator('taro-button-core, .taro-button-core, button', { hasText: '确认放弃' }).first())
    await page.getByText('我要申请办电').filter({ visible: true }).waitFor({ timeout: 15_000 })
    expect(await visibleText(page)).not.toContain('草稿已保存')
    await page.getByRole('status').filter({ hasText: '草稿已放弃，已填写的内容和照片已删除' }).filter({ visible: true }).waitFor()
    expect(await serverDraft(page)).toBeNull()
    await j.snap('discarded')

    // Reopened, the app does not bring the draft back from the server.
    await page.reload()
    await page.getByText('我要申请办电').filter({ visible: true }).waitFor({ timeout: 30_000 })
    await j.tap('我要申请办电')
    await j.at('选择业务', { count: false })
    expect(await page.getByRole('radio', { name: /低压非居民新装/ }).filter({ visible: true }).getAttribute('aria-checked')).toBe('false')
    expect(problems).toEqual([])
    await ctx.close()
  })
})
