import type { Browser, Page } from 'playwright-core'
import { PRERENDER } from '../../src/features/start/prerender-ids'
import { startServer, type RunningServer } from './support/server'
import { launchBrowser, phoneContext, screenshot, watchProblems } from './support/browser'

jest.setTimeout(120_000)

const PRERENDERED = `#${PRERENDER.overlayId}`
/** Requests for the app's scripts: aborted to see what the HTML alone paints. */
const APP_SCRIPTS = /\/(js|chunk)\/[^/]+\.js$/

/** Opens `hash` (the start page when empty) in a new phone context with the app's scripts refused: the HTML alone. */
async function withoutScripts(hash = ''): Promise<{ page: Page; close: () => Promise<void> }> {
  const ctx = await phoneContext(browser)
  const page = await ctx.newPage()
  await page.route(APP_SCRIPTS, (r) => r.abort())
  await page.goto(`${server.url}/${hash}`)
  return { page, close: () => ctx.close() }
}

/** Opens the start page in a new phone context with the app's scripts held back until `release` is called. */
async function withScriptsHeld(): Promise<{ page: Page; problems: string[]; release: () => void; close: () => Promise<void> }> {
  const ctx = await phoneContext(browser)
  const page = await ctx.newPage()
  const problems = watchProblems(page)
  let release = (): void => undefined
  const scriptsHeld = new Promise<void>((resolve) => { release = resolve })
  await page.route(APP_SCRIPTS, async (r) => { await scriptsHeld; await r.continue() })
  await page.goto(server.url + '/')
  return { page, problems, release, close: () => ctx.close() }
}

/** Where each of the start page's landmarks is drawn inside `scope`, by selector, in document order. */
async function landmarkBoxes(page: Page, scope: string): Promise<Record<string, number[][]>> {
  return page.evaluate((root) => {
    const boxes: Record<string, number[][]> = {}
    for (const sel of ['.promise__title', '.promise__text', '.apply-entry__button', '.track-entry__item', '.index__title', '.service-card', '.service-card__name', '.index__suppliers']) {
      boxes[sel] = [...document.querySelectorAll(`${root} ${sel}`)].map((el) => {
        const r = el.getBoundingClientRect()
        return [r.x, r.y, r.width, r.height].map(Math.round)
      })
    }
    return boxes
  }, scope)
}

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

describe('start page (H5 build, real mock server, phone viewport)', () => {
  it('should show the three services with their real stages, limits, materials and fees from the API', async () => {
    const ctx = await phoneContext(browser)
    const page = await ctx.newPage()
    const problems = watchProblems(page)
    const apiCalls: string[] = []
    page.on('response', (r) => { if (r.url().includes('/api/')) apiCalls.push(`${r.status()} ${new URL(r.url()).pathname}`) })

    // the app starts from the catalogue prerendered into index.html and refreshes it from the API at once
    const refreshed = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/services')
    await page.goto(server.url + '/')
    await refreshed
    // the app's own page has taken over from the copy prerendered into index.html
    await page.locator(PRERENDERED).waitFor({ state: 'detached', timeout: 30_000 })
    await page.locator('#app').getByText('低压非居民新装').first().waitFor({ timeout: 30_000 })

    const text = await page.locator('body').innerText()
    for (const s of ['居民新装', '低压非居民新装', '高压新装']) expect(text).toContain(s)
    expect(text).toContain('全流程不超过7个工作日')
    expect(text).toContain('全流程平均不超过28个工作日')
    for (const stage of ['受理签约', '施工接电', '申请受理', '供电方案答复', '外部工程实施', '装表接电', '设计审查', '中间检查', '竣工检验']) {
      expect(text).toContain(stage)
    }
    expect(text).toContain('用电人有效身份证件')
    expect(text).toContain('用电工程项目批准文件')
    expect(text).toContain('免费（0元）')
    expect(text).toContain('国网万州供电分公司')
    expect(apiCalls).toContain('200 /api/services')

    // Nothing wider than the phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await screenshot(page, '01-start-page')
    expect(problems).toEqual([])
    await ctx.close()
  })

  it('should paint the start page from the HTML alone, before any script runs', async () => {
    const { page, close } = await withoutScripts()
    const text = await page.locator(PRERENDERED).innerText()
    for (const s of ['万州办电', '零上门 · 零审批 · 零投资', '我要申请办电', '查询进度', '居民新装', '低压非居民新装', '高压新装', '全流程不超过7个工作日', '用电人有效身份证件']) {
      expect(text).toContain(s)
    }
    const boxes = await landmarkBoxes(page, PRERENDERED)
    expect(boxes['.service-card']).toHaveLength(3)
    // rem is sized from the viewport before the first paint (40px per 750 design px of a 390 px wide phone), as
    // the app's script sizes it later: a root of 20px here once drew the whole page 4% smaller than the app
    expect(await page.evaluate(() => document.documentElement.style.fontSize)).toBe('20.8px')
    await screenshot(page, '01-start-page-prerendered')
    await close()
  })

  it('should hand over to the app in place: the same page where it was drawn, layout shift within CLS 0.1', async () => {
    const before = await withoutScripts()
    const prerendered = await landmarkBoxes(before.page, PRERENDERED)
    await before.close()

    const ctx = await phoneContext(browser)
    await ctx.addInitScript(() => {
      const w = window as unknown as { shifts: number[] }
      w.shifts = []
      new PerformanceObserver((list) => { for (const e of list.getEntries()) w.shifts.push((e as unknown as { value: number }).value) })
        .observe({ type: 'layout-shift', buffered: true })
    })
    const page = await ctx.newPage()
    const problems = watchProblems(page)
    await page.goto(server.url + '/')
    await page.locator(PRERENDERED).waitFor({ state: 'detached', timeout: 30_000 })
    expect(await landmarkBoxes(page, '#app')).toEqual(prerendered)
    // issue 14's budget: CLS ≤ 0.1 (the shifts CI saw came from rem sized 20px on an early resize, then 20.8px:
    // src/index.html gives the root its height before Taro's script measures it)
    const shifts = await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts)
    expect({ shifts, cls: shifts.reduce((a, b) => a + b, 0) <= 0.1 }).toEqual({ shifts, cls: true })
    expect(problems).toEqual([])
    await ctx.close()
  })

  it('should keep a tap given to the prerendered page before the app is ready, and make it once the app is', async () => {
    const { page, problems, release, close } = await withScriptsHeld()
    // the page drawn from index.html looks ready: the user taps 我要申请办电 while the app's scripts are still coming
    const drawn = page.locator(`${PRERENDERED} [role=button]`, { hasText: '我要申请办电' })
    await drawn.tap()
    await page.locator(`${PRERENDERED} [data-wz-pressed]`, { hasText: '我要申请办电' }).waitFor()
    expect(page.url()).toBe(`${server.url}/`)
    release()
    // the app takes over and makes that tap: applying starts with 渝快办's consent (signed out)
    await page.waitForURL(/\/ykb\/authorize\?/, { timeout: 30_000 })
    await page.getByText('渝快办').first().waitFor()
    // (leaving for 渝快办 cuts the start page's refresh of the catalogue short: watchProblems knows that is none)
    expect(problems).toEqual([])
    await close()
  })

  it('should make a kept tap on a link below the buttons on that same link (工作人员入口)', async () => {
    const { page, problems, release, close } = await withScriptsHeld()
    await page.locator(`${PRERENDERED} [role=link]`, { hasText: '工作人员入口' }).tap()
    await page.locator(`${PRERENDERED} [data-wz-pressed]`, { hasText: '工作人员入口' }).waitFor()
    release()
    // found among the app's controls at the same place, Taro's buttons counted whether or not they have their role yet
    await page.locator('[role=heading]', { hasText: '工作人员登录' }).filter({ visible: true }).waitFor({ timeout: 30_000 })
    expect(problems).toEqual([])
    await close()
  })

  it('should not show the prerendered start page on a link to another page', async () => {
    const { page, close } = await withoutScripts('#/packages/track/pages/lookup/index')
    expect(await page.locator(PRERENDERED).count()).toBe(0)
    await close()
  })

  it('should show a retry, not a blank page, when the API cannot be reached', async () => {
    const ctx = await phoneContext(browser)
    const page = await ctx.newPage()
    await page.route('**/api/services', (r) => r.abort('connectionrefused'))
    await page.goto(server.url + '/')
    await page.getByText('服务目录加载失败').waitFor({ timeout: 30_000 })
    expect(await page.locator('body').innerText()).toContain('网络连接失败，请检查网络后重试')
    await screenshot(page, '01-start-page-offline')
    await page.unroute('**/api/services')
    await page.getByText('重新加载').tap()
    await page.getByText('低压非居民新装').first().waitFor({ timeout: 15_000 })
    await ctx.close()
  })
})
