import { applicantOwner, card, checkSignSubmit, chooseService, newJourney, useJourneyEnv, visibleText } from './support'

jest.setTimeout(180_000)
const env = useJourneyEnv()

/** Issue 12's targets for the quickest path, 我要申请办电 to the numbered result, sign-in and consent included. */
const TARGET = { screens: 10, typed: 2 }

describe('the quickest path: a shop owner with e-licences, from 我要申请办电 to the numbered result', () => {
  it('should take 10 screens and type nothing: the address from the property certificate, the capacity from a typical value, the contract signed on the check page', async () => {
    const { j, page, ctx, problems } = await newJourney(env(), 'quickest')
    j.screens.push('首页')
    await j.snap('start')
    // applying needs 渝快办's real-name identity: 我要申请办电 goes straight to its consent page
    await j.tap('我要申请办电')
    await page.getByText('渝快办').first().waitFor({ timeout: 15_000 })
    await page.getByLabel(/李/).first().check()
    j.screens.push('渝快办授权')
    await j.snap('ykb-consent')
    await j.tap(page.getByRole('button', { name: '同意授权' }))
    await j.at('办电需要收集的个人信息')
    await j.tap('同意并继续')

    await chooseService(j, '低压非居民新装（小微企业）')
    await applicantOwner(j, '个人（含个体工商户）')

    await j.at('用电地址')
    await j.tap('从不动产权证书带入地址')
    await page.getByRole('status').filter({ hasText: '已按不动产权证书的坐落填写，如有不同可以修改' }).filter({ visible: true }).waitFor()
    expect(await page.getByLabel('详细地址', { exact: true }).filter({ visible: true }).inputValue()).toBe('演示街8号1幢1-2')
    expect(await visibleText(page)).toContain('✓ 瀼渡镇')
    await j.snap('address-from-certificate')
    await j.continue()

    await j.at('用电需求')
    expect(await visibleText(page)).toContain('餐馆、小吃店')
    await j.tapRole('button', '填入10千瓦（小商铺、便利店）')
    expect(await page.getByLabel('报装容量（千瓦）', { exact: true }).filter({ visible: true }).inputValue()).toBe('10')
    await page.getByRole('radio', { name: '商铺经营', checked: true }).filter({ visible: true }).waitFor()
    await j.snap('capacity-preset')
    await j.continue()

    await j.at('证照材料')
    // the certificate is attached already (from the address page); the ID card is one tap
    await card(page, '不动产权证书').waitFor()
    await j.tap('从渝快办调取电子证照')
    await card(page, '居民身份证').waitFor()
    await j.continue()

    const number = await checkSignSubmit(j, ['重庆市万州区瀼渡镇演示街8号1幢1-2', '10千瓦', '商铺经营'])
    expect(number).toMatch(/^WZ\d{14}$/)
    process.stdout.write(`\n${j.report()}\n`)
    expect(j.typed).toBeLessThanOrEqual(TARGET.typed)
    expect(j.typed).toBe(0)
    expect(j.screens).toEqual([
      '首页', '渝快办授权', '办电需要收集的个人信息', '选择业务', '申请人信息', '用电地址', '用电需求', '证照材料', '核对信息', '结果',
    ])
    expect(j.screens.length).toBeLessThanOrEqual(TARGET.screens)
    expect(problems).toEqual([])
    await ctx.close()
  })
})
