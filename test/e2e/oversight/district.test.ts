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
      j.tap(currentPage(page).locator('taro-button-core, .taro-button-core, button', { hasText: '导出CSV' }).first())])
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

  it('should let a 班长 submit an ended month (frozen, digest shown) and show the district that it came in late, beside the one missing', async () => {
    // two months back is always past its due day (the 5th working day of the month after it)
    const month = shiftMonth(currentMonth(), -2)
    const ctx = await desktopContext(env().browser)
    const page = await ctx.newPage()
    const problems = watchProblems(page)
    await page.goto(env().server.url + '/')
    await page.getByText('我要申请办电').waitFor({ timeout: 30_000 })
    const j = new Journey(page, 'monthly-report', 'mouse')
    await staffSignIn(j, 'gw-banzhang', 'Demo-gw-bz-2026')
    await j.tap(currentPage(page).locator('[role=link]', { hasText: '按月报送' }).first())
    await j.at(`按月报送 ${shiftMonth(currentMonth(), -1)}（国网万州供电分公司）`, { count: false })
    await j.tap(currentPage(page).getByRole('button', { name: '上个月' }))
    await j.at(`按月报送 ${month}（国网万州供电分公司）`, { count: false })
    await currentPage(page).getByText('本月数字（按事件记录现算，报送时封存）').waitFor({ timeout: 20_000 })
    await currentPage(page).getByText('已过报送截止日期，现在报送将记为逾期报送。').waitFor()
    // one enterprise's column: its own month only
    expect(await currentPage(page).locator('table.oversight-table thead th').allInnerTexts()).toEqual(['指标', '国网万州供电分公司'])
    await j.tap(currentPage(page).locator('taro-button-core, .taro-button-core, button', { hasText: `报送${month}月报` }).first())
    const dialog = currentPage(page).getByRole('dialog', { name: '确认报送' })
    await dialog.waitFor()
    expect(await dialog.innerText()).toContain('不能修改或重报')
    await j.snap('monthly-report-confirm')
    await j.tap(dialog.locator('taro-button-core, .taro-button-core, button', { hasText: '确认报送' }).first())
    const frozen = currentPage(page).locator('.report-frozen')
    await frozen.waitFor({ timeout: 20_000 })
    const frozenText = await frozen.innerText()
    expect(frozenText).toContain('已报送并封存（逾期报送）')
    expect(frozenText).toContain('报送人：gw-banzhang')
    const digest = (await frozen.locator('.report-digest').innerText()).trim()
    expect(digest).toMatch(/^[0-9a-f]{64}$/)
    // no second submission: the button is gone, and the API refuses it
    expect(await currentPage(page).locator('taro-button-core, .taro-button-core, button', { hasText: `报送${month}月报` }).count()).toBe(0)
    const token = await staffToken(page)
    const again = await fetch(`${env().server.url}/api/staff/monthly-reports`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ month }),
    })
    expect(((await again.json()) as { code: string }).code).toBe('REPORT_FROZEN')
    await j.snap('monthly-report-frozen')
    await ctx.close()

    // the district: 国网万州's report came in late (with its digest, matching the record), 三峡水利's is missing
    const dctx = await desktopContext(env().browser)
    const dpage = await dctx.newPage()
    const dproblems = watchProblems(dpage)
    await dpage.goto(env().server.url + '/')
    await dpage.getByText('我要申请办电').waitFor({ timeout: 30_000 })
    const d = new Journey(dpage, 'district-reports', 'mouse')
    await staffSignIn(d, 'wz-jxw', 'Demo-jxw-2026', { expectOk: false })
    await d.at(`万州区获得电力月度监督 ${shiftMonth(currentMonth(), -1)}`, { count: false })
    await d.tap(currentPage(dpage).getByRole('button', { name: '上个月' }))
    await d.at(`万州区获得电力月度监督 ${month}`, { count: false })
    const rows = currentPage(dpage).locator('table.report-table tbody tr')
    await rows.first().waitFor({ timeout: 20_000 })
    const gw = await rows.filter({ hasText: '国网万州供电分公司' }).locator('td').allInnerTexts()
    expect(gw[0]).toBe('逾期报送')
    expect(gw[2]).toContain('一致')
    expect(gw[2]).toContain(`摘要 ${digest.slice(0, 16)}`)
    expect((await rows.filter({ hasText: '三峡水利' }).locator('td').allInnerTexts())[0]).toBe('逾期未报')
    await rows.first().scrollIntoViewIfNeeded()
    await d.snap('district-reports')
    // the A4 report carries the same table
    await d.tap(currentPage(dpage).locator('[role=link]', { hasText: '打印版（A4）' }).first())
    await d.at(`万州区获得电力月度监督报告 ${month}`, { count: false })
    await currentPage(dpage).locator('table.report-table').waitFor()
    expect(await currentPage(dpage).locator('table.report-table tbody tr', { hasText: '国网万州供电分公司' }).innerText()).toContain('逾期报送')
    await dpage.emulateMedia({ media: 'print' })
    expect(await clippedTables(dpage)).toEqual([])
    await d.snap('district-reports-print')
    await dpage.emulateMedia({ media: 'screen' })
    expect(unexpected(problems, [])).toEqual([])
    expect(unexpected(dproblems, [])).toEqual([])
    await dctx.close()
  })
})
