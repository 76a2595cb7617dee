import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import type { PublicTimes } from '../../../src/contract/oversight'
import { seedApplications } from '../../bench/seed-applications'
import { startServer, type RunningServer } from '../support/server'
import { launchBrowser, phoneContext, watchProblems } from '../support/browser'
import { Journey } from '../support/journey'
import { unexpected } from '../journey/support'
import { currentPage } from '../track/support'

jest.setTimeout(300_000)

let server: RunningServer
let browser: Browser

beforeAll(async () => {
  // four months of realistic history (the bench's seeder: the server's own logic shapes every case), so that some
  // months reach the 5 cases a published cell needs and others do not
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wz-e2e-times-'))
  seedApplications({ dataDir, count: 400, users: 60, days: 120 })
  server = await startServer({ DATA_DIR: dataDir })
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('办电用时公示 (public, no sign-in)', () => {
  it('should show each enterprise\'s real times beside the promise, signed out, small months withheld', async () => {
    const api = (await (await fetch(`${server.url}/api/public/connection-times`)).json() as { data: PublicTimes }).data
    const ctx = await phoneContext(browser)
    const page = await ctx.newPage()
    const problems = watchProblems(page)
    await page.goto(server.url + '/')
    await page.getByText('我要申请办电').waitFor({ timeout: 30_000 })
    const j = new Journey(page, 'public-times', 'touch')
    await j.tap(page.locator('[role=link]', { hasText: '办电用时公示' }).first())
    await j.at('办电用时公示', { count: false })
    const card = currentPage(page).locator('.times-card', { hasText: '国网万州供电分公司 · 低压非居民新装（小微企业）' })
    await card.waitFor({ timeout: 20_000 })
    expect(await card.innerText()).toContain('承诺：不超过7个工作日')

    // the table, newest month first, says what the API says: figures, or 不足5件，不公布
    const row = api.rows.find((r) => r.provider === 'sgcc-wanzhou' && r.service === 'lv-business')
    if (!row) throw new Error('no 国网万州 低压 row')
    const lines = await card.locator('tbody tr').allInnerTexts()
    expect(lines).toHaveLength(12)
    const expected = [...row.cells].reverse().map((c) => (c.suppressed ? `${c.month}\t不足5件，不公布`
      : `${c.month}\t${c.completed}件\t${c.median}`))
    lines.forEach((line, i) => expect(line.startsWith(expected[i])).toBe(true))
    const published = row.cells.filter((c) => !c.suppressed)
    expect(published.length).toBeGreaterThanOrEqual(1) // the seeded months with enough cases
    expect(row.cells.some((c) => c.suppressed)).toBe(true) // and the months before the history began
    await j.snap('public-times-lv')

    // another service, chosen by its chip
    await j.tap(currentPage(page).getByRole('radio', { name: '高压10千伏' }))
    await currentPage(page).locator('.times-card', { hasText: '高压新装（10千伏）' }).first().waitFor()
    expect(await currentPage(page).locator('.times-card', { hasText: '高压新装（10千伏）' }).first().innerText()).toContain('承诺：平均不超过28个工作日')
    await j.snap('public-times-hv')

    // per enterprise: completion rate, digital take-up, complaint follow-up, as the API gives them (or withheld)
    const service = currentPage(page).locator('.times-service')
    await service.scrollIntoViewIfNeeded()
    const gwLine = await service.locator('tbody tr', { hasText: '国网万州供电分公司' }).locator('td').allInnerTexts()
    const gwApi = api.enterprises.find((e) => e.provider === 'sgcc-wanzhou')
    if (!gwApi) throw new Error('no 国网万州 in enterprises')
    const shown = (base: number | null, share: number | null, what: string) => (base === null ? '不足5件，不公布' : `${Math.round((share ?? 0) * 100)}%（${what}${base}件）`)
    expect(gwLine.slice(1, 3)).toEqual([shown(gwApi.completion.started, gwApi.completion.share, '开始'), shown(gwApi.digital.received, gwApi.digital.share, '受理')])
    expect(gwApi.digital.received).toBeGreaterThanOrEqual(5) // the seeded history: e-licences or photos, published
    expect(gwLine[3]).toBe('投诉不足5件，不公布') // no complaint in the seeded history
    await j.snap('public-times-service')

    // no one signed in on this phone
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => /session/.test(k)))).toEqual([])
    expect(unexpected(problems, [])).toEqual([])
    await ctx.close()
  })
})
