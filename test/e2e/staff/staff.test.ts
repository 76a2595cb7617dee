import fs from 'node:fs'
import { currentMonth } from '../../../src/features/staff/month'
import { parseCsv } from '../../../src/features/staff/csv'
import { newJourney, unexpected, useJourneyEnv, visibleText } from '../journey/support'
import { Journey } from '../support/journey'
import { desktopContext, watchProblems } from '../support/browser'
import { currentPage, submitLowVoltage, waitForPage } from '../track/support'
import { clippedTables, kpis, staffSignIn, staffToken } from './support'

jest.setTimeout(300_000)
const env = useJourneyEnv()
const MOBILE = '13800138000'

describe('staff of the supply enterprise', () => {
  let number = ''

  it('should find an applicant\'s case by mobile (masked), reveal the mobile, urge it, and the applicant sees the urging', async () => {
    // the applicant submits
    const applicant = await newJourney(env(), 'staff-applicant')
    number = await submitLowVoltage(applicant.j)
    expect(number).toMatch(/^WZ\d{14}$/)

    // customer service, on another phone, finds it by the applicant's mobile
    const { j, page, ctx, problems } = await newJourney(env(), 'staff-kefu')
    await staffSignIn(j, 'gw-kefu', 'Demo-gw-2026')
    await j.type('查找', MOBILE)
    await j.tap(currentPage(page).locator('taro-button-core, .taro-button-core, button', { hasText: '查询' }).first())
    await currentPage(page).getByText('共1件').waitFor({ timeout: 15_000 })
    const row = currentPage(page).locator('.case-row', { hasText: number })
    await row.waitFor()
    await j.snap('search-result')
    const rowText = await row.innerText()
    expect(rowText).toContain('低压非居民新装（小微企业）')
    expect(rowText).toContain('138****8000')
    expect(rowText).toMatch(/李\*+/)
    expect(rowText).not.toContain('李明远')
    const resultText = await visibleText(page)
    expect(resultText).not.toContain(MOBILE)
    expect(resultText).not.toContain('李明远')

    // the case: masked until 显示
    await j.tap(row)
    await j.at('低压非居民新装（小微企业）', { count: false })
    let text = await visibleText(page)
    expect(text).toContain(`申请编号 ${number}`)
    expect(text).toContain('手机号：138****8000')
    expect(text).not.toContain(MOBILE)
    await j.tap(currentPage(page).getByRole('button', { name: '显示完整手机号' }))
    await currentPage(page).getByText(`手机号：${MOBILE}`).waitFor({ timeout: 10_000 })
    expect(await currentPage(page).getByRole('button', { name: '显示完整手机号' }).count()).toBe(0)
    text = await visibleText(page)
    expect(text).toContain('身份证号：') // the others stay masked
    expect(text).not.toContain('李明远')
    await j.snap('case-mobile-shown')

    // 催办
    const urge = '客户来电询问进度，请尽快安排现场勘查'
    await j.type('备注或催办说明', urge)
    await j.snap('case-urge-typed')
    await j.tap(currentPage(page).locator('taro-button-core, .taro-button-core, button', { hasText: '催办' }).last())
    await currentPage(page).locator('.event-row', { hasText: '催办说明' }).waitFor({ timeout: 15_000 })
    expect(await currentPage(page).getByLabel('备注或催办说明').inputValue()).toBe('')
    const urgedRow = await currentPage(page).locator('.event-row', { hasText: '催办说明' }).innerText()
    expect(urgedRow).toContain('工作人员 国网万州客服（演示）')
    expect(urgedRow).toContain(`催办说明：${urge}`)
    // the log speaks Chinese with China times and names: no codes, ids or epoch numbers
    const log = await currentPage(page).locator('.event-row').allInnerTexts()
    expect(log.join('\n')).not.toMatch(/urged|submitted|applicant:|push:|gw-kefu|startTime|\d{13}/)
    await currentPage(page).getByRole('status').filter({ hasText: '已催办：已记入事件记录并通知办理单位' }).waitFor()
    expect(await visibleText(page)).toContain('申请人没有上传其他文件') // authorised e-licences only: no photos, no letters
    await j.snap('case-urged')
    expect(unexpected(problems, [])).toEqual([])
    await ctx.close()

    // the applicant: 我的申请 → the case → 办理记录 shows the urging
    const a = applicant.j
    await a.tap('返回首页')
    await a.tap(applicant.page.locator('[role=link]', { hasText: '我的申请' }).filter({ visible: true }).first())
    await a.at('我的申请', { count: false })
    await a.tap(currentPage(applicant.page).locator('[role=link]', { hasText: number }))
    await a.at('低压非居民新装（小微企业）', { count: false })
    const detail = await waitForPage(applicant.page, 'the urging in 办理记录', (t) => t.includes('已督促供电企业加快办理'), 20_000)
    const history = detail.slice(detail.indexOf('办理记录'))
    expect(history).toContain('已督促供电企业加快办理')
    expect(detail).not.toContain(urge) // the internal message is not shown to the applicant
    await a.snap('detail-urged')
    expect(unexpected(applicant.problems, [])).toEqual([])
    await applicant.ctx.close()
  })

  it('should refuse a wrong password', async () => {
    const { j, page, ctx, problems } = await newJourney(env(), 'staff-wrong-password')
    await staffSignIn(j, 'gw-kefu', 'Demo-gw-2025', { expectOk: false })
    await currentPage(page).getByText('账号或密码不正确').first().waitFor({ timeout: 15_000 })
    expect(await currentPage(page).locator('[role=heading]', { hasText: '工作人员登录' }).count()).toBe(1)
    expect(await page.evaluate(() => localStorage.getItem('wz-staff-session') ?? '')).not.toMatch(/"token"/)
    await j.snap('wrong-password')
    expect(unexpected(problems, [/status of 40\d \([^)]*\) http:\/\/[^ ]+\/api\/staff\/login$/])).toEqual([])
    await ctx.close()
  })

  it('should let the administrator see that a supervisor locked themselves out, and clear it so they can sign in', async () => {
    const login = (password: string) => fetch(`${env().server.url}/api/staff/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'sx-banzhang', password }),
    })
    for (let i = 0; i < 5; i++) await login('Demo-sx-bz-2025')
    expect((await login('Demo-sx-bz-2026')).status).toBe(423)

    const { j, page, ctx, problems } = await newJourney(env(), 'staff-lockouts')
    await staffSignIn(j, 'wz-admin', 'Demo-admin-2026')
    await j.tap(currentPage(page).locator('[role=link]', { hasText: '登录锁定' }))
    await j.at('登录锁定', { count: false })
    const card = currentPage(page).locator('.app-card', { hasText: 'sx-banzhang' })
    await card.getByText(/已锁定，至.+自动解除/).waitFor({ timeout: 15_000 })
    await j.snap('lockouts')
    await j.tap(card.locator('taro-button-core, .taro-button-core, button', { hasText: '解除锁定' }))
    await currentPage(page).getByText('已解除：sx-banzhang').waitFor({ timeout: 15_000 })
    expect(await currentPage(page).locator('.app-card', { hasText: 'sx-banzhang' }).count()).toBe(0)
    await j.snap('lockouts-cleared')
    expect((await login('Demo-sx-bz-2026')).status).toBe(200)
    expect(unexpected(problems, [])).toEqual([])
    await ctx.close()
  })

  it('should show the supervisor this month\'s figures, equal to the CSV export, and a printable report', async () => {
    expect(number).not.toBe('') // the first test's case is this month's
    const ctx = await desktopContext(env().browser)
    const page = await ctx.newPage()
    const problems = watchProblems(page)
    await page.goto(env().server.url + '/')
    await page.getByText('我要申请办电').waitFor({ timeout: 30_000 })
    const j = new Journey(page, 'staff-banzhang', 'mouse')
    await staffSignIn(j, 'gw-banzhang', 'Demo-gw-bz-2026')
    await j.tap(currentPage(page).locator('[role=link]', { hasText: '月度统计' }).first())
    const month = currentMonth()
    await j.at(`月度统计 ${month}`, { count: false })
    const k = await kpis(page)
    expect(Object.keys(k)).toEqual(['本月受理', '本月办结', '在办', '超时'])
    expect(k['本月受理']).toBeGreaterThanOrEqual(1)
    expect(k['在办']).toBeGreaterThanOrEqual(1)
    await j.snap('dashboard')

    // the CSV, as 导出CSV fetches it, with the supervisor's token
    const token = await staffToken(page)
    const res = await fetch(`${env().server.url}/api/staff/report.csv?month=${month}`, { headers: { authorization: `Bearer ${token}` } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type') ?? '').toMatch(/text\/csv/)
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    const rows = parseCsv(csv)
    const blank = rows.findIndex((r) => r.every((c) => c === ''))
    expect(blank).toBeGreaterThan(0)
    const summary = new Map(rows.slice(0, blank).map((r) => [r[0], r[1]]))
    expect(summary.get('万州办电月度报告')).toBe(month)
    const figures = {
      received: Number(summary.get('本月受理')), completed: Number(summary.get('本月办结')),
      inProgress: Number(summary.get('在办（月末或当前）')), overdue: Number(summary.get('超时在办（月末或当前）')),
    }
    expect(figures).toEqual({ received: k['本月受理'], completed: k['本月办结'], inProgress: k['在办'], overdue: k['超时'] })
    // the case list holds the new case, and no personal data
    expect(rows.slice(blank + 1).some((r) => r[0] === number)).toBe(true)
    expect(csv).not.toContain(MOBILE)
    expect(csv).not.toContain('李明远')

    // 导出CSV in the page downloads the same file
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }),
      j.tap(currentPage(page).locator('taro-button-core, .taro-button-core, button', { hasText: '导出CSV' }).first())])
    expect(download.suggestedFilename()).toBe(`wanzhou-sgcc-wanzhou-${month}.csv`)
    expect(fs.readFileSync(await download.path()).equals(Buffer.from(bytes))).toBe(true) // the same bytes as the fetch

    // 打印版月报
    await j.tap(currentPage(page).locator('[role=link]', { hasText: '打印版月报' }).first())
    await j.at('万州区获得电力月报', { count: false })
    const report = await visibleText(page)
    expect(report).toContain(`受理${k['本月受理']}件，办结${k['本月办结']}件，在办${k['在办']}件，超时${k['超时']}件。`)
    expect(report).toContain(number)
    expect(report).toMatch(/案件清单（\d+件）/)
    await j.snap('print-report')
    // every column is there, on the screen and on paper
    expect(await clippedTables(page)).toEqual([])
    await page.emulateMedia({ media: 'print' })
    expect(await clippedTables(page)).toEqual([])
    await j.snap('print-report-print-media')
    await page.emulateMedia({ media: 'screen' })
    expect(unexpected(problems, [])).toEqual([])
    await ctx.close()
  })
})
