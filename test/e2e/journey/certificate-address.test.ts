import { signInWithYkb } from '../support/sign-in'
import type { Journey } from '../support/journey'
import { addressIn, applicantOwner, authorisedLicences, checkSignSubmit, chooseService, loadOf, newJourney, useJourneyEnv, visibleText } from './support'

jest.setTimeout(180_000)
const env = useJourneyEnv()

const REASON_REQUIRED = '用电地址与不动产权证书的坐落不在同一乡镇街道：请改为证书上的乡镇街道，或说明原因'

/** 李明远 applies for a shop in 高笋塘街道 (his certificate lies in 瀼渡镇), up to 核对信息. */
async function toCheckPageElsewhere(j: Journey): Promise<void> {
    await signInWithYkb(j, '李')
    await chooseService(j, '低压非居民新装（小微企业）')
    await applicantOwner(j, '个人（含个体工商户）')
    await addressIn(j, '高笋塘街道', '演示街9号1幢1-1')
    await loadOf(j, '20', '商铺经营')
    await authorisedLicences(j)

    await j.at('核对信息')
}

describe('the connection address against the property certificate\'s 坐落', () => {
  it('should warn before signing when the address lies in another township, and take the certificate\'s township on one tap', async () => {
    const { j, page, ctx, problems } = await newJourney(env(), 'certificate-address')
    await toCheckPageElsewhere(j)
    const box = page.locator('.certificate-address').filter({ visible: true })
    await box.waitFor()
    expect(await box.innerText()).toContain('证书坐落：重庆市万州区瀼渡镇****；用电地址在高笋塘街道')
    await j.continue('签署并提交申请')
    await page.locator('.error-summary__item', { hasText: REASON_REQUIRED }).filter({ visible: true }).waitFor()
    await j.snap('address-differs')

    await j.tap(box.locator('taro-button-core, .taro-button-core, button', { hasText: '改为证书上的瀼渡镇' }).first())
    await box.waitFor({ state: 'detached' })
    // the fixed problem leaves the summary at once, without another tap on 签署并提交申请
    await page.locator('.error-summary').filter({ visible: true }).waitFor({ state: 'hidden' })
    expect(await visibleText(page)).toContain('重庆市万州区瀼渡镇演示街9号1幢1-1')
    const number = await checkSignSubmit(j)
    expect(number).toMatch(/^WZ\d{14}$/)
    expect(problems).toEqual([])
    await ctx.close()
  })

  it('should keep the address with a typed reason, fetch the contract once the typing rests (not per keystroke), and sign what it says', async () => {
    const { j, page, ctx, problems } = await newJourney(env(), 'certificate-address-reason')
    await toCheckPageElsewhere(j)
    await page.locator('.contract__title').filter({ visible: true }).waitFor()
    await j.continue('签署并提交申请')
    const item = page.locator('.error-summary__item', { hasText: REASON_REQUIRED }).filter({ visible: true })
    await item.waitFor()

    const summaries: string[] = []
    page.on('request', (r) => { if (r.url().endsWith('/api/contract-summary')) summaries.push(r.postData() ?? '') })
    const reason = '证书为老门牌，现门牌已变更'
    const input = page.getByLabel('确实不一致？请说明原因', { exact: true }).filter({ visible: true }).first()
    await input.pressSequentially(reason, { delay: 60 })
    j.typed += [...reason].length
    // four characters are a reason: the summary lost its one problem while the applicant typed on
    await page.locator('.error-summary').filter({ visible: true }).waitFor({ state: 'hidden' })
    await page.locator('.contract__title').filter({ visible: true }).waitFor()
    process.stdout.write(`\ncontract summary: ${summaries.length} request(s) while ${[...reason].length} characters were typed one by one\n`)
    expect(summaries.length).toBeGreaterThanOrEqual(1)
    expect(summaries.length).toBeLessThanOrEqual(2)
    expect(summaries.at(-1)).toContain(reason)
    await j.snap('reason-typed')

    // the server accepts only a signature over the summary of the final answers, reason included
    const number = await checkSignSubmit(j)
    expect(number).toMatch(/^WZ\d{14}$/)
    expect(problems).toEqual([])
    await ctx.close()
  })
})
