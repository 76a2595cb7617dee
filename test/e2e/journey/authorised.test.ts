import { useJourneyEnv, newJourney, resultNumber } from './support'
import { signInWithYkb } from '../support/sign-in'

jest.setTimeout(180_000)
const env = useJourneyEnv()

describe('small-business owner with authorised e-licences (quickest path)', () => {
  it('should reach a numbered receipt with no ID or certificate number typed, in at most 7 screens', async () => {
    const { j, page, ctx, problems } = await newJourney(env(), 'authorised')
    await signInWithYkb(j, '李')

    await j.at('选择业务')
    await j.tapRole('radio', '低压非居民新装（小微企业）')
    await j.continue()

    await j.at('申请人信息')
    await j.tapRole('radio', '个人（含个体工商户）')
    await j.tapRole('radio', '用电人本人办理')
    await j.continue()

    await j.at('用电地址')
    await j.tapRole('radio', '瀼渡镇')
    await page.getByText('供电企业：').first().waitFor()
    await j.type('详细地址', '演示街9号1幢1-1')
    await j.continue()

    await j.at('用电需求')
    await j.type('报装容量（千瓦）', '20')
    await j.tapRole('radio', '商铺经营')
    await j.continue()

    await j.at('证照材料')
    await j.tap('同意并一键调取')
    await page.locator('.material-card', { hasText: '不动产权证书' }).waitFor()
    await page.locator('.material-card', { hasText: '居民身份证' }).waitFor()
    const cards = await page.locator('.material-card').allInnerTexts()
    expect(cards.join('\n')).toContain('电子证照标识校验通过')
    expect(cards.join('\n')).not.toMatch(/\d{17}[\dX]/)
    await j.snap('licences-attached')
    await j.continue()

    await j.at('核对信息')
    expect(await page.locator('body').innerText()).toContain('瀼渡镇演示街9号1幢1-1')
    await page.locator('.contract__title').filter({ visible: true }).waitFor()
    await j.tapRole('checkbox', '已阅读并同意')
    await j.continue('签署并提交申请')

    const number = await resultNumber(page)
    j.screens.push('结果')
    await j.snap('result')
    expect(number).toMatch(/^WZ\d{14}$/)
    const body = await page.locator('body').innerText()
    expect(body).toContain('全流程不超过7个工作日')
    expect(body).toContain('0元')
    expect(body).toMatch(/预计\d{4}-\d{2}-\d{2}/)

    process.stdout.write(`\n${j.report()}\n`)
    expect(j.screens.length).toBeLessThanOrEqual(7)
    expect(j.typed).toBeLessThan(20)
    expect(problems).toEqual([])
    await ctx.close()
  })
})
