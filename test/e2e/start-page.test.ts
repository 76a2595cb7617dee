import type { Browser } from 'playwright-core'
import { startServer, type RunningServer } from './support/server'
import { launchBrowser, phoneContext, screenshot, watchProblems } from './support/browser'

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

describe('start page (H5 build, real mock server, phone viewport)', () => {
  it('should show the three services with their real stages, limits, materials and fees from the API', async () => {
    const ctx = await phoneContext(browser)
    const page = await ctx.newPage()
    const problems = watchProblems(page)
    const apiCalls: string[] = []
    page.on('response', (r) => { if (r.url().includes('/api/')) apiCalls.push(`${r.status()} ${new URL(r.url()).pathname}`) })

    await page.goto(server.url + '/')
    await page.getByText('低压非居民新装').first().waitFor({ timeout: 30_000 })

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
