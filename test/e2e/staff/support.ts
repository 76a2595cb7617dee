import type { Page } from 'playwright-core'
import type { Journey } from '../support/journey'
import { currentPage } from '../track/support'

/** From the start page: 工作人员入口 → (no staff session) the sign-in page → 账号 and 密码 → 登录. */
export async function staffSignIn(j: Journey, username: string, password: string, opts: { expectOk?: boolean } = {}): Promise<void> {
  await j.tap(j.page.locator('[role=link]', { hasText: '工作人员入口' }).filter({ visible: true }).first())
  await j.at('工作人员登录', { count: false })
  await j.type('账号', username)
  await j.type('密码', password)
  await j.snap('login-filled')
  await j.tap(currentPage(j.page).locator('taro-button-core, .taro-button-core, button', { hasText: '登录' }).first())
  if (opts.expectOk !== false) await j.at('申请查询', { count: false })
}

/** The staff session's bearer token, as the app persisted it (`wz-staff-session` → state.session.token). */
export async function staffToken(page: Page): Promise<string> {
  const raw = await page.evaluate(() => localStorage.getItem('wz-staff-session'))
  if (!raw) throw new Error('no wz-staff-session in localStorage')
  let v: unknown = JSON.parse(raw)
  // Taro H5 wraps stored values as { data: … }; zustand persists { state, version } as a JSON string
  if (v && typeof v === 'object' && 'data' in v) v = (v as { data: unknown }).data
  if (typeof v === 'string') v = JSON.parse(v)
  const token = (v as { state?: { session?: { token?: string } } }).state?.session?.token
  if (!token) throw new Error(`no token in wz-staff-session: ${raw}`)
  return token
}

/** The dashboard's KPI tiles, label → number. */
export async function kpis(page: Page): Promise<Record<string, number>> {
  const tiles = currentPage(page).locator('.kpi')
  await tiles.first().waitFor({ timeout: 20_000 })
  const pairs = await tiles.evaluateAll((els) => els.map((e) => [
    e.querySelector('.kpi__label')?.textContent?.trim() ?? '', Number(e.querySelector('.kpi__value')?.textContent?.trim()),
  ] as [string, number]))
  return Object.fromEntries(pairs)
}

/** Tables of the visible page that stick out past its right edge (their last columns cut off), by their first header. */
export async function clippedTables(page: Page): Promise<string[]> {
  return currentPage(page).evaluate((root) => {
    const edge = root.getBoundingClientRect().right
    return [...root.querySelectorAll('table')].filter((t) => t.getBoundingClientRect().right > edge + 1)
      .map((t) => `${t.querySelector('th')?.textContent ?? '?'}: right ${Math.round(t.getBoundingClientRect().right)} > ${Math.round(edge)}`)
  })
}
