// 渝快办 slow, then failing, during 一键调取: the applicant sees a clear Chinese message (and the photo fallback
// stays offered), nothing is attached, and the same tap works once 渝快办 recovers. The demo simulator's switches
// (PUT /ykb/sim/switches) make it slow or failing; the server gives up on a call after YKB_TIMEOUT_MS.
import { card, licenceSection, newJourney, residentToLicences, unexpected, useJourneyEnv, visibleText } from './support'

jest.setTimeout(180_000)
const env = useJourneyEnv({ YKB_TIMEOUT_MS: '1000' })

async function switches(patch: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${env().server.url}/ykb/sim/switches`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(patch) })
  if (!res.ok) throw new Error(`switches: ${res.status}`)
}

const UNAVAILABLE = '渝快办暂时无法访问，请稍后重试，或改用拍照上传'

describe('渝快办 slow or failing while the applicant fetches e-licences', () => {
  afterEach(async () => { await switches({ delayMs: 0, failureRate: 0 }) })

  it('should say so in Chinese, attach nothing, keep the photo fallback, and fetch on the next tap once 渝快办 recovers', async () => {
    const { j, page, ctx, problems } = await newJourney(env(), 'ykb-down')
    await residentToLicences(j)

    const alert = page.locator('.panel__error[role="alert"]').filter({ visible: true })
    // slow: every answer later than the server waits for
    await switches({ delayMs: 4000 })
    await j.tap('同意并一键调取')
    await alert.filter({ hasText: UNAVAILABLE }).waitFor({ timeout: 15_000 })
    await j.snap('ykb-slow')
    expect(await page.locator('.material-card').filter({ visible: true }).count()).toBe(0)
    expect(await visibleText(page)).toContain('同意并一键调取')
    await licenceSection(page, '身份证件').getByText('拍照上传').first().waitFor()

    // failing: HTTP 500 on every call (retried by the server, then given up)
    await switches({ delayMs: 0, failureRate: 1 })
    await j.tap('同意并一键调取')
    await alert.waitFor({ state: 'detached' }) // the earlier message goes as the new attempt starts (retries take > 0.5 s)
    await alert.filter({ hasText: UNAVAILABLE }).waitFor({ timeout: 15_000 })
    expect(await page.locator('.material-card').filter({ visible: true }).count()).toBe(0)

    // recovered: the same tap now works, and the message is gone
    await switches({ failureRate: 0 })
    await j.tap('同意并一键调取')
    await card(page, '居民身份证').waitFor({ timeout: 15_000 })
    expect(await alert.count()).toBe(0)
    await j.snap('ykb-recovered')

    expect(unexpected(problems, [/status of 503/])).toEqual([])
    await ctx.close()
  })
})
