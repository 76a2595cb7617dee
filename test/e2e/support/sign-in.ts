import type { Page } from 'playwright-core'
import type { Journey } from './journey'

/**
 * From the start page: 我要申请办电 → the mock 渝快办 consent page (as `identity`; applying needs 渝快办, so no
 * sign-in page asks first) → back → the personal-information consent (only the first time a user signs in: the
 * agreement is kept) → the first journey page.
 */
export async function signInWithYkb(j: Journey, identityName: string): Promise<void> {
  const page: Page = j.page
  await j.tap('我要申请办电')
  await page.getByText('渝快办').first().waitFor({ timeout: 15_000 })
  await page.getByLabel(new RegExp(identityName.slice(0, 1))).first().check()
  await j.snap('ykb-consent')
  await j.tap(page.getByRole('button', { name: '同意授权' }))
  const consent = page.locator('[role="heading"]', { hasText: '办电需要收集的个人信息' }).filter({ visible: true })
  const firstStep = page.locator('[role="heading"]', { hasText: '选择业务' }).filter({ visible: true })
  await consent.or(firstStep).first().waitFor({ timeout: 20_000 })
  if (await consent.count()) {
    await j.at('办电需要收集的个人信息', { count: false })
    await j.tap('同意并继续')
  }
}
