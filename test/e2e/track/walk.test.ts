import fs from 'node:fs'
import { calendar } from '../../../src/core/calendar/calendar'
import { chinaDate, shiftDay } from '../../../src/core/calendar/china-date'
import { newJourney, pickFile, scratchDir, unexpected, visibleText } from '../journey/support'
import { staffSignIn } from '../staff/support'
import {
  advance, appCard, clock, currentPage, httpStatus, pngFile, stageRow, stageStates, submitLowVoltage, useTrackEnv, waitForPage,
} from './support'

jest.setTimeout(420_000)
const env = useTrackEnv({ virtualClock: true })

/** 10:00 China time on a China date. */
const at10 = (day: string) => new Date(`${day}T10:00:00+08:00`)
/** The first working day on or after `day`. */
const workingDayFrom = (day: string) => (calendar.isWorkingDay(day) ? day : calendar.addWorkingDays(day, 1).date)

describe('an applicant follows a low-voltage case from submission to rating', () => {
  it('should show the list, then update the open detail page through 补正, completion and 好差评', async () => {
    const { clock: server } = env()
    if (!server) throw new Error('virtual clock missing')
    // The story's dates, in working days: submitted on D0; 补正 asked at once and answered on D1 (2 working days
    // later: paused); 受理签约 done on D2 (1 more); 施工接电 done and the case completed on D3 (2 more).
    const d0 = workingDayFrom(chinaDate(new Date()))
    const d1 = calendar.addWorkingDays(d0, 2).date
    const d2 = calendar.addWorkingDays(d1, 1).date
    const d3 = calendar.addWorkingDays(d2, 2).date
    server.setTo(at10(d0))

    const { j, page, ctx, problems } = await newJourney(env(), 'track-walk')
    const dir = scratchDir()
    const number = await submitLowVoltage(j)
    expect(number).toMatch(/^WZ\d{14}$/)

    // 我的申请 from the start page
    await j.tap('返回首页')
    await page.getByText('查询进度').filter({ visible: true }).first().waitFor()
    await j.tap(page.locator('[role=link]', { hasText: '我的申请' }).filter({ visible: true }).first())
    await j.at('我的申请', { count: false })
    const item = currentPage(page).locator('[role=link]', { hasText: number })
    await item.waitFor()
    const listed = await item.innerText()
    expect(listed).toContain('低压非居民新装（小微企业）')
    expect(listed).toContain('瀼渡镇')
    expect(listed).toContain('进行中')
    expect(listed).toContain('当前环节：受理签约')
    expect(listed).toContain(`剩余7个工作日，预计${calendar.addWorkingDays(d0, 7).date}前办结`)
    expect(listed).toContain(`${d0}提交`)
    expect(await item.getAttribute('aria-label')).toBe('低压非居民新装（小微企业），进行中')

    // its detail: the clock, the two stages, the signed contract
    await j.tap(item)
    await j.at('低压非居民新装（小微企业）', { count: false })
    let text = await visibleText(page)
    expect(text).toContain(`申请编号 ${number}`)
    expect(text).toContain('重庆市万州区瀼渡镇演示街9号1幢1-1')
    expect(await clock(page).getAttribute('aria-label')).toBe('办理状态：进行中')
    const clock0 = await clock(page).innerText()
    expect(clock0).toContain('承诺≤7个工作日')
    expect(clock0).toMatch(/已用\s*0\s*个工作日/)
    expect(clock0).toMatch(/剩余\s*7\s*个工作日/)
    expect(clock0).toContain(`预计${calendar.addWorkingDays(d0, 7).date}前办结`)
    expect(await stageStates(page)).toEqual({ 受理签约: '进行中', 施工接电: '未开始' })
    // times are China time (the server's clock reads 10:00 there), not the UTC of the ISO strings
    expect(await stageRow(page, '受理签约').innerText()).toMatch(new RegExp(`开始：${d0} 10:0\\d`))
    expect(text).toContain('《低压供用电合同》')
    expect(text).toMatch(new RegExp(`已于${d0} 10:0\\d在线签署`))
    expect(text).toContain('撤回申请')
    expect(text).not.toContain('评价本次服务')
    await j.snap('detail-submitted')

    // 补正 requested: the open page shows what is awaited, by when, and the box to answer it, by itself (polling)
    expect(await advance(env(), number, ['--supplement'])).toBe('要求补正材料（受理签约）')
    const waiting = page.getByRole('region', { name: '需要您补正材料' })
    await waiting.waitFor({ timeout: 75_000 })
    const due = shiftDay(d0, 10) // the demo enterprise gives ten days
    const said = await waiting.innerText()
    for (const line of ['用电地址物权证件：请补充租赁合同及出租方产权证明', '您（申请人）', `${due}前`, '提交后立即恢复计时']) expect(said).toContain(line)
    const box = appCard(page, '提交补正材料')
    expect(await box.innerText()).toContain('请上传：用电地址物权证件')
    expect(await clock(page).getAttribute('aria-label')).toBe('办理状态：已暂停')
    expect((await stageStates(page))['受理签约']).toBe('已暂停')
    // the expected date moves honestly: the clock may stand until the due date, then 7 working days
    const expectedWhilePaused = calendar.addWorkingDays(due, 7).date
    expect(await clock(page).innerText()).toContain(`预计${expectedWhilePaused}前办结`)
    await j.snap('supplement-requested')

    // two working days pass while it waits for the applicant: the clock counts them as paused
    server.setTo(at10(d1))
    text = await waitForPage(page, 'the paused days', (t) => t.includes('另有2个工作日暂停计时（原因见办理记录），不计入供电企业时限'))
    expect(await clock(page).innerText()).toMatch(/已用\s*0\s*个工作日/)
    expect(text).toContain(`预计${expectedWhilePaused}前办结`)
    await j.snap('supplement-paused-days')

    // one tap disputes it (the note is optional); staff are told, the card says so and offers it no more
    await j.tap(waiting.locator('taro-button-core, .taro-button-core, button', { hasText: '我已提交' }).first())
    await waiting.getByText('您已告知“我已提交”，工作人员将核实并联系您').waitFor()
    expect(await waiting.locator('taro-button-core, .taro-button-core, button', { hasText: '这不是我的原因' }).count()).toBe(0)
    await j.snap('supplement-disputed')

    // the applicant answers with a photo
    await pickFile(j, box.locator('taro-button-core, .taro-button-core, button', { hasText: '选择照片或PDF' }).first(), pngFile(dir))
    await box.getByText('✓ 已上传1份').waitFor()
    // a second file is added, not swapped in; 清空 starts again
    expect(await box.locator('taro-button-core, .taro-button-core, button', { hasText: '再添加一份（最多5份）' }).count()).toBe(1)
    await j.tap(box.getByRole('button', { name: '清空，重新上传' }))
    await box.getByText('✓ 已上传1份').waitFor({ state: 'detached' })
    await pickFile(j, box.locator('taro-button-core, .taro-button-core, button', { hasText: '选择照片或PDF' }).first(), pngFile(dir))
    await box.getByText('✓ 已上传1份').waitFor()
    await j.snap('supplement-file-chosen')
    await j.tap(box.locator('taro-button-core, .taro-button-core, button', { hasText: '提交材料' }).first())
    await box.waitFor({ state: 'detached' })
    expect(await clock(page).getAttribute('aria-label')).toBe('办理状态：进行中')
    text = await visibleText(page)
    expect(text).toContain('另有2个工作日暂停计时（原因见办理记录），不计入供电企业时限')
    expect(text).toContain('已提交补正材料，恢复计时')
    expect(await waiting.count()).toBe(0)
    expect((await stageStates(page))['受理签约']).toBe('进行中')
    await j.snap('supplement-answered')

    // the utility works on: each push shows up on the open page by itself
    server.setTo(at10(d2))
    expect(await advance(env(), number)).toBe('完成环节：受理签约')
    await waitForPage(page, '受理签约 done', (t) => t.includes('受理签约 完成'))
    expect(await stageStates(page)).toEqual({ 受理签约: '已完成', 施工接电: '未开始' })
    expect(await stageRow(page, '受理签约').innerText()).toContain('用时1/1个工作日（默认时限）')
    expect(await advance(env(), number)).toBe('开始环节：施工接电')
    await waitForPage(page, '施工接电 started', (t) => t.includes('施工接电 开始'))
    expect(await stageStates(page)).toEqual({ 受理签约: '已完成', 施工接电: '进行中' })
    expect(await clock(page).innerText()).toMatch(/已用\s*1\s*个工作日/)
    await j.snap('build-connect-started')

    server.setTo(at10(d3))
    expect(await advance(env(), number)).toBe('完成环节：施工接电')
    await waitForPage(page, '施工接电 done', (t) => t.includes('施工接电 完成'))
    expect(await advance(env(), number)).toBe('办结')
    await waitForPage(page, 'completion', (t) => t.includes(`已于${d3}办结`))
    expect(await clock(page).getAttribute('aria-label')).toBe('办理状态：已办结')
    const done = await clock(page).innerText()
    expect(done).toMatch(/已用\s*3\s*个工作日/)
    expect(done).not.toContain('剩余')
    expect(done).toContain('另有2个工作日暂停计时（原因见办理记录），不计入供电企业时限')
    expect(await stageStates(page)).toEqual({ 受理签约: '已完成', 施工接电: '已完成' })
    expect(await stageRow(page, '受理签约').innerText()).toContain('用时1/1个工作日')
    expect(await stageRow(page, '施工接电').innerText()).toContain('用时2/6个工作日')
    text = await visibleText(page)
    expect(text).toMatch(new RegExp(`${d3} 10:0\\d\\s*已办结：已送电，办结`))
    expect(text).not.toContain('撤回申请')
    await j.snap('completed')

    // 好差评: 不满意 with two indicator stars
    await j.tap('评价本次服务（好差评）')
    await j.at('您对本次办电服务满意吗？', { count: false })
    const followUp = '我们会在15个工作日内联系您了解情况并整改。'
    expect(await visibleText(page)).not.toContain(followUp)
    await j.tap(currentPage(page).getByRole('radio', { name: '不满意', exact: true }))
    await currentPage(page).getByText(followUp).waitFor()
    await j.tap(currentPage(page).getByRole('radio', { name: '办事效率2星', exact: true }))
    await j.tap(currentPage(page).getByRole('radio', { name: '平台操作性4星', exact: true }))
    // Taro's React View applies a changed class a render after the text: wait for the last star, then count
    const starsOn = (name: string) => currentPage(page).locator(`[role=radiogroup][aria-label="${name}"] .star--on`)
    await starsOn('平台操作性').nth(3).waitFor()
    expect(await starsOn('办事效率').count()).toBe(2)
    expect(await starsOn('平台操作性').count()).toBe(4)
    await j.snap('rate-chosen')
    await j.tap('提交评价')

    // back on the detail: the rating is shown, the follow-up date said, and the button is gone
    await j.at('低压非居民新装（小微企业）', { count: false })
    text = await waitForPage(page, 'the rating', (t) => t.includes('您的评价'), 15_000)
    const followUpBy = calendar.addWorkingDays(d3, 15).date
    expect(text).toContain('您的评价：不满意')
    expect(text).toContain(`已评价：不满意；供电企业将在${followUpBy}前回访`)
    expect(text).not.toContain('评价本次服务')
    await j.snap('rated')

    // rating twice is impossible: the rate page reached by its address is refused by the server
    await page.goto(`${env().server.url}/#/packages/track/pages/rate/index?number=${number}`)
    await j.at('您对本次办电服务满意吗？', { count: false })
    await j.tap(currentPage(page).getByRole('radio', { name: '非常满意', exact: true }))
    await j.tap('提交评价')
    await currentPage(page).locator('.notice', { hasText: '该申请已经评价过，每件只能评价一次' }).waitFor()
    await j.snap('rate-twice-refused')

    // customer service follows the 差评 up, and closes it with what the call found
    const staff = await newJourney(env(), 'track-walk-follow-up')
    await staffSignIn(staff.j, 'gw-kefu', 'Demo-gw-2026')
    await staff.j.type('查找', number)
    await staff.j.tap(currentPage(staff.page).locator('taro-button-core, .taro-button-core, button', { hasText: '查询' }).first())
    await staff.j.tap(currentPage(staff.page).locator('.case-row', { hasText: number }))
    const followUpCard = currentPage(staff.page).locator('.follow-up')
    await followUpCard.getByText('差评回访（2星）：待回访').waitFor({ timeout: 15_000 })
    expect(await followUpCard.innerText()).toContain(`须在${followUpBy}前回访`)
    const closeButton = followUpCard.locator('taro-button-core, .taro-button-core, button', { hasText: '记录回访并完成' }).first()
    await staff.j.tap(closeButton)
    await followUpCard.getByRole('alert').filter({ hasText: '请填写回访情况' }).waitFor()
    await staff.j.type('回访情况', '已电话联系申请人，施工延误已致歉并整改')
    await staff.j.tap(closeButton)
    await followUpCard.getByText('差评回访（2星）：已完成').waitFor({ timeout: 15_000 })
    expect(await followUpCard.innerText()).toContain('gw-kefu：已电话联系申请人，施工延误已致歉并整改')
    await staff.j.snap('follow-up-closed')
    expect(staff.problems).toEqual([])
    await staff.ctx.close()

    process.stdout.write(`\n${j.report()}\n`)
    expect(unexpected(problems, [
      // each jump of the server's clock outlives the 2-hour access token: one 401, then the app refreshes it
      httpStatus(401, `/api/applications/${number}`),
      httpStatus(401, `/api/applications/${number}/version`), // or the open page's version check meets it first
      httpStatus(409, `/api/applications/${number}/rating`),
    ])).toEqual([])
    fs.rmSync(dir, { recursive: true, force: true })
    await ctx.close()
  })
})
