import type { Browser, Page } from 'playwright-core'
import { startServer, type RunningServer } from './support/server'
import { launchBrowser, phoneContext, screenshot, watchProblems } from './support/browser'
import { LARGE_TEXT_SCALE } from '../../src/features/a11y/font-scale-store'

jest.setTimeout(120_000)

let server: RunningServer
let browser: Browser
beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

interface Sizes { buttons: { text: string; font: number; height: number }[]; text: number }

/** On the visible page: each button's text size and height, and the size of the page's running text (`textSelector`). */
async function sizes(page: Page, textSelector: string): Promise<Sizes> {
  return page.locator('.taro_page').filter({ visible: true }).last().evaluate((root, sel) => {
    const px = (el: Element) => parseFloat(getComputedStyle(el).fontSize)
    const buttons = [...root.querySelectorAll('.nut-button')].filter((b) => (b as HTMLElement).offsetParent !== null).map((b) => ({
      text: (b as HTMLElement).innerText.trim(),
      font: px(b.querySelector('.nut-button-children') ?? b),
      height: Math.round(b.getBoundingClientRect().height),
    }))
    const text = root.querySelector(sel)
    return { buttons, text: text ? px(text) : 0 }
  }, textSelector)
}

describe('大字模式 (elder mode)', () => {
  it('should grow buttons with the text, so no button is smaller than the text around it and each still fits its text', async () => {
    const ctx = await phoneContext(browser)
    const page = await ctx.newPage()
    const problems = watchProblems(page)
    await page.goto(`${server.url}/`)
    await page.getByText('我要申请办电').filter({ visible: true }).waitFor({ timeout: 30_000 })
    const normal = await sizes(page, '.promise__text')

    await page.getByRole('switch', { name: /大字模式/ }).filter({ visible: true }).tap()
    await page.locator('[role=switch][aria-checked="true"]', { hasText: '已开启' }).filter({ visible: true }).waitFor()
    const large = await sizes(page, '.promise__text')
    await screenshot(page, 'large-text-start')
    expect(large.text).toBeCloseTo(normal.text * LARGE_TEXT_SCALE, 0)
    const entry = (s: Sizes) => s.buttons.find((b) => b.text === '我要申请办电')
    expect(entry(large)?.font).toBeCloseTo((entry(normal)?.font ?? 0) * LARGE_TEXT_SCALE, 0)

    // a journey page, as opened from a link: 继续 against the question's words
    await page.goto(`${server.url}/#/packages/apply/pages/service/index`)
    await page.locator('.step-page__continue').filter({ visible: true }).waitFor({ timeout: 30_000 })
    const step = await sizes(page, '.choice__label')
    await screenshot(page, 'large-text-service')
    expect(step.buttons.map((b) => b.text)).toContain('继续')
    for (const s of [large, step]) {
      for (const b of s.buttons) {
        // not smaller than the text around it, and the grown text still fits its button (a tap target of at least 44 px)
        expect({ button: b.text, smallerThanText: b.font < s.text, fits: b.height >= Math.max(44, 1.8 * b.font) })
          .toEqual({ button: b.text, smallerThanText: false, fits: true })
      }
    }
    expect(problems).toEqual([])
    await ctx.close()
  })
})
