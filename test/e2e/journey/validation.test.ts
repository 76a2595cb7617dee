import type { Page } from 'playwright-core'
import { signInWithYkb } from '../support/sign-in'
import {
  addressIn, applicantOwner, authorisedLicences, card, checkSignSubmit, chooseService, loadOf, tickConfirm, useJourneyEnv, newJourney, visibleText,
} from './support'

jest.setTimeout(180_000)
const env = useJourneyEnv()

const CREDIT_WARNING = '最后一位校验码与计算结果不一致。少数已发放的代码确实无法通过校验，请对照营业执照确认无误后继续'
const DETAIL_MISSING = '请填写详细地址（路、门牌号等），至少4个字'

/** The words in the error summary at the top and at the field `path`, which must be the same. */
async function shownTwice(page: Page, path: string): Promise<{ summary: string[]; field: string }> {
  const summary = page.locator('.error-summary').filter({ visible: true })
  await summary.waitFor()
  const field = page.locator(`#field-${path.replace(/\./g, '-')} .field__error`).filter({ visible: true })
  return { summary: (await summary.locator('.error-summary__item').allInnerTexts()).map((t) => t.trim()), field: (await field.innerText()).trim() }
}

describe('validation: problems shown at the field and in the summary, in the same words', () => {
  it('should name what is missing when an unfinished draft is signed on the check page, never the schema\'s words', async () => {
    const { j, page, ctx, problems } = await newJourney(env(), 'validation-sign-early')
    await signInWithYkb(j, '李')
    await chooseService(j, '低压非居民新装（小微企业）')
    await j.at('申请人信息')
    await page.goto(`${env().server.url}/#/packages/apply/pages/check/index`)
    await j.at('核对信息')
    // no contract of incomplete answers: signing names what is missing
    expect(await page.locator('.contract__title').filter({ visible: true }).count()).toBe(0)
    await j.continue('签署并提交申请')
    const summary = page.locator('.error-summary').filter({ visible: true })
    await summary.waitFor()
    const text = await visibleText(page)
    expect(text).not.toContain('无效输入')
    expect(await summary.locator('.error-summary__item').allInnerTexts()).toEqual(expect.arrayContaining(['请选择以个人还是企业名义申请', '请选择用电用途']))
    await j.snap('sign-unfinished')
    expect(problems).toEqual([])
    await ctx.close()
  })

  it('should warn about a credit code that fails its check, let the applicant confirm it, and insist on an address', async () => {
    const { j, page, ctx, problems } = await newJourney(env(), 'validation')
    await signInWithYkb(j, '李')
    await chooseService(j, '低压非居民新装（小微企业）')

    await j.at('申请人信息')
    await j.tapRole('radio', '企业')
    await j.type('企业名称', '万州演示商贸有限公司')
    await j.type('统一社会信用代码', '91350100M000100Y44')
    await j.tapRole('radio', '用电人本人办理')
    await j.continue()
    const credit = await shownTwice(page, 'applicant.creditCode')
    expect(credit.summary).toEqual([CREDIT_WARNING])
    expect(credit.field).toBe(CREDIT_WARNING)
    expect(await page.locator('.error-summary__title').filter({ visible: true }).innerText()).toBe('请修改以下1处后继续')
    await j.snap('credit-code-warning')
    await tickConfirm(j, '我已核对营业执照，代码无误')
    await page.locator('.error-summary').filter({ visible: true }).waitFor({ state: 'hidden' })
    await j.continue()

    await j.at('用电地址')
    await j.continue()
    const title = page.locator('.error-summary__title').filter({ visible: true })
    await title.waitFor()
    expect(await title.innerText()).toBe('请修改以下2处后继续')
    // each fix shrinks the summary at once, without another 继续, and the last one takes it away
    await j.tapRole('radio', '瀼渡镇')
    await page.locator('.error-summary__title', { hasText: '请修改以下1处后继续' }).filter({ visible: true }).waitFor()
    const detail = await shownTwice(page, 'address.detail')
    expect(detail.summary).toEqual([DETAIL_MISSING])
    expect(detail.field).toBe(DETAIL_MISSING)
    await j.snap('address-missing')
    await j.type('详细地址', '演示街9号1幢1-1')
    await page.locator('.error-summary').filter({ visible: true }).waitFor({ state: 'hidden' })
    expect(await page.locator('#field-address-detail .field__error').filter({ visible: true }).count()).toBe(0)
    await j.continue()

    await loadOf(j, '20', '商铺经营')
    await authorisedLicences(j)

    const number = await checkSignSubmit(j, ['企业：万州演示商贸有限公司', '91350100M000100Y44'])
    expect(number).toMatch(/^WZ\d{14}$/)
    expect(await visibleText(page)).toContain('统一社会信用代码校验位不一致，将由工作人员对照营业执照核对')
    process.stdout.write(`\n${j.report()}\n`)
    expect(problems).toEqual([])
    await ctx.close()
  })

  it('should work with mouse clicks in a desktop browser (no touch events)', async () => {
    const { j, page, ctx, problems } = await newJourney(env(), 'desktop', { desktop: true })
    expect(await page.evaluate(() => 'ontouchstart' in window || navigator.maxTouchPoints > 0)).toBe(false)
    await signInWithYkb(j, '王')
    await chooseService(j, '低压非居民新装（小微企业）')
    await applicantOwner(j, '个人（含个体工商户）')
    await addressIn(j, '五桥街道', '演示路1号')
    await loadOf(j, '10', '办公')
    await j.at('证照材料')
    await j.tap('同意并一键调取')
    await card(page, '居民身份证').waitFor()
    await j.tap(page.getByRole('radio', { name: /一证受理/ }).filter({ visible: true }).first())
    await j.continue()

    const number = await checkSignSubmit(j)
    expect(number).toMatch(/^WZ\d{14}$/)
    process.stdout.write(`\n${j.report()}\n`)
    expect(problems).toEqual([])
    await ctx.close()
  })
})
