import fs from 'node:fs'
import { PROVIDERS } from '../../../src/core/providers'
import { currentMonth, shiftMonth } from '../../../src/features/staff/month'
import { parseCsv } from '../../../src/features/staff/csv'
import { INDICATORS } from '../../../src/core/oversight'
import { newJourney, unexpected, useJourneyEnv, visibleText } from '../journey/support'
import { Journey } from '../support/journey'
import { desktopContext, watchProblems } from '../support/browser'
import { currentPage, submitLowVoltage } from '../track/support'
import { clippedTables, staffSignIn, staffToken } from '../staff/support'

jest.setTimeout(300_000)
const env = useJourneyEnv()
const MOBILE = '13800138000'

describe('区经信委 (district oversight)', () => {
  it('should show both enterprises\' month side by side with a 12-month trend, a CSV and an A4 print, and nothing personal', async () => {
    const applicant = await newJourney(env(), 'district-applicant')
    const number = await submitLowVoltage(applicant.j)
    await applicant.ctx.close()

    const ctx = await desktopContext(env().browser)
    const page = await ctx.newPage()
    const problems = watchProblems(page)
    await page.goto(env().server.url + '/')
    await page.getByText('我要申请办电').waitFor({ timeout: 30_000 })
    const j = new Journey(page, 'district', 'mouse')
    await staffSignIn(j, 'wz-jxw', 'Demo-jxw-2026', { expectOk: false })
    const month = currentMonth()
    // it lands on last month, the last complete one
    await j.at(`万州区获得电力月度监督 ${shiftMonth(month, -1)}`, { count: false })
    await j.tap(currentPage(page).getByRole('button', { name: '下个月' }))
    await j.at(`万州区获得电力月度监督 ${month}`, { count: false })
    const table = currentPage(page).locator('table.oversight-table')
    await table.waitFor({ timeout: 20_000 })
    const head = await table.locator('thead th').allInnerTexts()
    // the joint connection's utilities are overseen too, empty until they have cases
    expect(head).toEqual(['指标', '国网万州供电分公司', '三峡水利', '万州区供水企业（示例）', '万州区燃气企业（示例）', '万州区通信运营商（示例）'])
    const received = await table.locator('tr', { hasText: '本月受理' }).locator('td').allInnerTexts()
    expect(Number(received[0].replace('件', ''))).toBeGreaterThanOrEqual(1) // the case just submitted (国网万州's township)
    await j.snap('district-month')

    // one indicator's 12 months: chips choose it
    await j.tap(currentPage(page).getByRole('radio', { name: '低压小微时限内占比' }))
    await currentPage(page).getByText('低压小微时限内占比（近12个月）').waitFor()
    const trendRows = await currentPage(page).locator('.trend__table tbody tr').count()
    expect(trendRows).toBe(12)
    await j.snap('district-trend')

    // nothing personal on the page: no name, no mobile, not even masked; and the case number is not needed here
    const text = await visibleText(page)
    expect(text).not.toContain('李明远')
    expect(text).not.toMatch(/李\*/)
    expect(text).not.toContain(MOBILE)
    expect(text).not.toContain('138****8000')

    // the CSV: one column per enterprise, the same figure as on the screen
    const token = await staffToken(page)
    const res = await fetch(`${env().server.url}/api/oversight/month.csv?month=${month}`, { headers: { authorization: `Bearer ${token}` } })
    const bytes = new Uint8Array(await res.arrayBuffer())
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
    const rows = parseCsv(csv)
    expect(rows.find((r) => r[0] === '指标')).toEqual(['指标', '国网万州供电分公司', '三峡水利', '万州区供水企业（示例）', '万州区燃气企业（示例）', '万州区通信运营商（示例）'])
    expect(rows.find((r) => r[0] === '本月受理')?.[1]).toBe(received[0].replace('件', ''))
    expect(csv).not.toContain(number)
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }),
      j.tap(currentPage(page).locator('taro-button-core, button', { hasText: '导出CSV' }).first())])
    expect(download.suggestedFilename()).toBe(`wanzhou-district-${month}.csv`)
    // the same file but for its moment (统计时点: now, while the month runs)
    const downloaded = parseCsv(fs.readFileSync(await download.path(), 'utf8'))
    expect(downloaded.filter((r) => r[0] !== '统计时点')).toEqual(rows.filter((r) => r[0] !== '统计时点'))

    // the district cannot reach a case: the API refuses it
    const caseRes = await fetch(`${env().server.url}/api/staff/applications/${number}`, { headers: { authorization: `Bearer ${token}` } })
    expect(caseRes.status).toBe(403)

    // A4
    await j.tap(currentPage(page).locator('[role=link]', { hasText: '打印版（A4）' }).first())
    await j.at(`万州区获得电力月度监督报告 ${month}`, { count: false })
    await currentPage(page).locator('table.trend-matrix').waitFor()
    // every indicator, a row per enterprise, 12 months
    expect(await currentPage(page).locator('table.trend-matrix tbody tr').count()).toBe(PROVIDERS.length * INDICATORS.length)
    expect(await currentPage(page).locator('table.trend-matrix thead th').count()).toBe(2 + 12)
    await page.emulateMedia({ media: 'print' })
    expect(await clippedTables(page)).toEqual([])
    await j.snap('district-print')
    await page.emulateMedia({ media: 'screen' })
    expect(unexpected(problems, [])).toEqual([])
    await ctx.close()
  })
})
