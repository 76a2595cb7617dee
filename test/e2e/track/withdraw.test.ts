import { newJourney } from '../journey/support'
import { advanceCli, appCard, clock, currentPage, stageStates, submitLowVoltage, useTrackEnv, waitForPage } from './support'

jest.setTimeout(180_000)
const env = useTrackEnv()

describe('an applicant withdraws a fresh application (撤件)', () => {
  it('should withdraw with a chosen reason, drop the button, and the push CLI should then refuse the case', async () => {
    const { j, page, ctx, problems } = await newJourney(env(), 'track-withdraw')
    const number = await submitLowVoltage(j, '演示街10号')

    await j.tap('查看办理进度')
    await j.at('低压非居民新装（小微企业）', { count: false })
    expect(await clock(page).getAttribute('aria-label')).toBe('办理状态：进行中')
    await j.snap('detail')

    await j.tap('撤回申请')
    const dialog = currentPage(page).locator('[role=dialog][aria-label="确认撤回申请"]')
    await dialog.waitFor()
    expect(await dialog.innerText()).toContain('撤回后本申请终止办理，不能恢复；需要时可以重新申请。')
    // confirming without a reason is refused at the field
    await j.tap(dialog.locator('taro-button-core, .taro-button-core, button', { hasText: '确认撤回' }).first())
    await dialog.locator('.field__error', { hasText: '请选择撤回原因' }).waitFor()
    await j.snap('withdraw-no-reason')
    await j.tap(dialog.getByRole('radio', { name: '用电地址或容量有变化', exact: true }))
    await j.snap('withdraw-reason-chosen')
    await j.tap(dialog.locator('taro-button-core, .taro-button-core, button', { hasText: '确认撤回' }).first())

    await dialog.waitFor({ state: 'detached' })
    expect(await clock(page).getAttribute('aria-label')).toBe('办理状态：已撤回')
    const text = await waitForPage(page, 'the withdrawal in the history', (t) => t.includes('已撤回申请：用电地址或容量有变化'), 10_000)
    expect(await currentPage(page).locator('taro-button-core, .taro-button-core, button', { hasText: '撤回申请' }).count()).toBe(0)
    expect(text).toContain('评价本次服务') // a withdrawn 办件 is rated too (one rating per 办件)
    expect(await clock(page).innerText()).not.toContain('剩余')
    expect(await clock(page).innerText()).not.toContain('预计')
    // the stage it stopped in says so, not 进行中
    expect(await stageStates(page)).toEqual({ 受理签约: '已撤回', 施工接电: '未开始' })
    await j.snap('withdrawn')

    // the supply enterprise can push nothing more: the CLI says why and fails
    const run = await advanceCli(env(), number)
    expect(run.code).not.toBe(0)
    expect(run.stdout).not.toContain('已推送')
    expect(run.stderr).toContain(`${number}：该办件已撤回，不能再记录办理环节，拒绝推送`)
    expect(run.stderr).toContain('refused: the case is withdrawn')
    const toEnd = await advanceCli(env(), number, ['--to-end'])
    expect(toEnd.code).not.toBe(0)
    expect(toEnd.stderr).toContain('拒绝推送')

    // the list says so too, with no days left
    await page.goto(`${env().server.url}/#/packages/track/pages/list/index`)
    await j.at('我的申请', { count: false })
    const item = currentPage(page).locator('[role=link]', { hasText: number })
    await item.waitFor()
    expect(await item.getAttribute('aria-label')).toBe('低压非居民新装（小微企业），已撤回')
    expect(await item.innerText()).not.toContain('剩余')
    expect(await appCard(page, '确认撤回申请？').count()).toBe(0)
    await j.snap('list-withdrawn')

    expect(problems).toEqual([])
    await ctx.close()
  })
})
