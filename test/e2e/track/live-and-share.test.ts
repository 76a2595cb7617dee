import path from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { openDb } from '../../../mock/db/open'
import { advanceCase } from '../../../mock/cli/advance-case'
import { phoneContext, screenshot } from '../support/browser'
import { newJourney, visibleText } from '../journey/support'
import type { Journey } from '../support/journey'
import { currentPage, stageStates, submitLowVoltage, useTrackEnv, type TrackEnv } from './support'

jest.setTimeout(240_000)
const env = useTrackEnv()

/** The supply enterprise's signed push of the case's next step, as its system sends it (in this process, over HTTP). */
async function push(e: TrackEnv, number: string): Promise<string> {
  const db = openDb(path.join(e.server.dataDir, 'wanzhou.db'))
  try {
    const done = await advanceCase({ db, base: e.server.url, number })
    if (!done) throw new Error(`nothing left to push for ${number}`)
    return done.step.zh
  } finally {
    db.close()
  }
}

/** What the open detail page asks the server for, by kind. */
function watchReads(page: Page, number: string) {
  const reads = { version: 0, detail: 0 }
  page.on('request', (r) => {
    const p = new URL(r.url()).pathname
    if (p === `/api/applications/${number}/version`) reads.version += 1
    if (p === `/api/applications/${number}`) reads.detail += 1
  })
  return reads
}

describe('an open detail page and a shared application number', () => {
  // the second test carries on where the first left the applicant: on the case's page
  let open: { j: Journey; page: Page; ctx: BrowserContext; problems: string[] }
  let number = ''

  it('should show a pushed step within about 2 s, reading the detail only when something changed', async () => {
    open = await newJourney(env(), 'live-push')
    const { j, page, problems } = open
    number = await submitLowVoltage(j, '演示街11号')
    const reads = watchReads(page, number)
    await j.tap('查看办理进度')
    await j.at('低压非居民新装（小微企业）', { count: false })
    const opened = Date.now()

    const steps: [string, Record<string, string>][] = [
      ['受理签约 done', { 受理签约: '已完成', 施工接电: '未开始' }],
      ['施工接电 started', { 受理签约: '已完成', 施工接电: '进行中' }],
      ['施工接电 done', { 受理签约: '已完成', 施工接电: '已完成' }],
    ]
    const figures: number[] = []
    for (const [what, states] of steps) {
      const label = await push(env(), number)
      const pushed = Date.now()
      const [name, state] = Object.entries(states).find(([n]) => what.startsWith(n)) ?? []
      await currentPage(page).locator(`.stage[aria-label="${name}，${state}"]`).waitFor({ timeout: 10_000 })
      figures.push(Date.now() - pushed)
      expect(await stageStates(page)).toEqual(states)
      process.stdout.write(`pushed “${label}”: on the open page ${Date.now() - pushed} ms later\n`)
    }
    await j.snap('after-pushes')
    const minutes = (Date.now() - opened) / 60_000
    process.stdout.write(`\nopen detail page: pushes shown after ${figures.join(', ')} ms (limit 2500); `
      + `${reads.version} version checks (${(reads.version / minutes).toFixed(0)}/min) and ${reads.detail} detail reads in ${(minutes * 60).toFixed(1)} s\n`)
    for (const ms of figures) expect(ms).toBeLessThanOrEqual(2500)
    // the whole detail is read on opening and once per change, never just to find nothing new
    expect(reads.detail).toBe(1 + steps.length)
    expect(reads.version).toBeGreaterThan(0)
    expect(problems).toEqual([])
  })

  it('should share the number as a link to 查询进度 that shows nothing of the case without the SMS check', async () => {
    const { j, page, ctx, problems } = open

    // no share sheet in this browser: the link is copied, and the page says what it is for
    await ctx.grantPermissions(['clipboard-read', 'clipboard-write'])
    expect(await page.evaluate(() => typeof navigator.share)).toBe('undefined')
    await j.tap(currentPage(page).getByRole('button', { name: `分享申请编号${number}` }))
    const said = currentPage(page).locator('.copy-number__said')
    await said.waitFor()
    expect(await said.innerText()).toBe('查询链接已复制，粘贴发给家人即可；对方需凭您的手机号和验证码才能查看')
    await j.snap('link-copied')
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    const link = /https?:\/\/[^\s"\\]+/.exec(copied)?.[0] ?? ''
    expect(link).toBe(`${env().server.url}/#/packages/track/pages/lookup/index?number=${number}`)

    // a phone with a share sheet gets the same, through it
    await page.evaluate(() => Object.defineProperty(navigator, 'share', {
      configurable: true, value: (d: unknown) => { (window as unknown as { shared: unknown }).shared = d; return Promise.resolve() },
    }))
    await j.tap(currentPage(page).getByRole('button', { name: `分享申请编号${number}` }))
    await page.waitForFunction(() => 'shared' in window)
    const sheet = await page.evaluate(() => (window as unknown as { shared: { title: string; text: string; url: string } }).shared)
    expect(sheet).toEqual({
      title: `查询办电进度（申请编号${number}）`, url: link,
      text: `万州办电申请编号${number}，打开后凭申请时留的手机号和短信验证码查询办理进度：`,
    })

    // someone else opens the link: the lookup with the number filled in, and nothing of the case
    const other = await phoneContext(env().browser)
    const theirs = await other.newPage()
    const asked: string[] = []
    theirs.on('request', (r) => { if (new URL(r.url()).pathname.startsWith('/api/')) asked.push(new URL(r.url()).pathname) })
    await theirs.goto(link)
    await theirs.locator('[role="heading"]', { hasText: '免登录查询办理进度' }).filter({ visible: true }).waitFor()
    expect(await theirs.getByLabel('申请编号或一件事编号', { exact: true }).filter({ visible: true }).inputValue()).toBe(number)
    const seen = await visibleText(theirs)
    for (const secret of ['李', '演示街', '瀼渡镇', '13800138000', '受理签约', '施工接电']) expect(seen).not.toContain(secret)
    expect(asked.filter((p) => p.startsWith('/api/applications') || p.startsWith('/api/lookup'))).toEqual([])
    await screenshot(theirs, 'share-number-opened-by-someone-else')
    await other.close()
    expect(problems).toEqual([])
    await ctx.close()
  })
})
