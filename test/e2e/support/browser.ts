import fs from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

export const SCREENSHOT_DIR = path.resolve(__dirname, '..', '..', 'output', 'screenshots')
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`)
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  })
}

/** A phone: 390×844 CSS px, touch, Chinese locale. */
export async function phoneContext(browser: Browser, opts: { fontScale?: number } = {}): Promise<BrowserContext> {
  const ctx = await browser.newContext({
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
  if (opts.fontScale) await ctx.addInitScript(`document.documentElement.style.fontSize = '${opts.fontScale * 100}%'`)
  return ctx
}

/** A desktop browser window: mouse only, no touch events. */
export async function desktopContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false, locale: 'zh-CN', timezoneId: 'Asia/Shanghai',
  })
}

/**
 * The whole visible page as a person would scroll through it: Taro H5 scrolls inside its page element, so
 * the viewport is stretched to the content's height for the shot (at most 4000 px), then restored.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const file = path.join(SCREENSHOT_DIR, `${name}.png`)
  const viewport = page.viewportSize()
  const height = await page.evaluate(() => {
    const pages = [...document.querySelectorAll<HTMLElement>('.taro_page')].filter((p) => p.offsetParent !== null || p.style.display !== 'none')
    return Math.max(document.documentElement.scrollHeight, ...pages.map((p) => p.scrollHeight))
  })
  if (viewport && height > viewport.height) await page.setViewportSize({ width: viewport.width, height: Math.min(height, 4000) })
  await page.screenshot({ path: file, fullPage: true })
  if (viewport && height > viewport.height) await page.setViewportSize(viewport)
  return file
}

/**
 * Collects page errors and failed requests so a test can assert there were none. A request the browser cut short
 * because the page was leaving for another document (渝快办's consent page, a download) is not a problem: one that
 * started before the latest main-frame navigation and was aborted.
 */
export function watchProblems(page: Page): string[] {
  const problems: string[] = []
  let leftAt = -Infinity
  page.on('request', (r) => { if (r.isNavigationRequest() && r.frame() === page.mainFrame()) leftAt = Date.now() })
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()} ${m.location().url}`) })
  page.on('requestfailed', (r) => {
    const error = r.failure()?.errorText
    if (error === 'net::ERR_ABORTED' && !r.isNavigationRequest() && r.timing().startTime <= leftAt) return
    problems.push(`requestfailed: ${r.url()} ${error}`)
  })
  return problems
}
