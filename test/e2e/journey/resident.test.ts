import { signInWithYkb } from '../support/sign-in'
import { addressIn, card, checkSignSubmit, chooseService, licenceSection, useJourneyEnv, newJourney, visibleText } from './support'

jest.setTimeout(180_000)
const env = useJourneyEnv()

describe('resident (居民新装) with an ID e-licence only', () => {
  it('should ask only what a household needs and promise 5 working days on the ID alone', async () => {
    const { j, page, ctx, problems } = await newJourney(env(), 'resident')
    await signInWithYkb(j, '王')
    await chooseService(j, '居民新装')

    await j.at('申请人信息')
    const applicant = await visibleText(page)
    expect(applicant).not.toContain('企业')
    expect(applicant).not.toContain('以什么名义申请')
    await j.tapRole('radio', '用电人本人办理')
    await j.continue()

    await addressIn(j, '高笋塘街道', '演示路12号3单元501')

    await j.at('用电需求')
    const uses = page.getByRole('radiogroup', { name: '用电用途' }).filter({ visible: true }).getByRole('radio')
    expect((await uses.allInnerTexts()).map((u) => u.replace(/✓|已选|\s/g, ''))).toEqual(['居民生活', '其他'])
    // a household's use is chosen for it (其他 stays one tap away), and the usual figures stand beside the field
    await page.getByRole('radio', { name: '居民生活', checked: true }).filter({ visible: true }).waitFor()
    expect(await visibleText(page)).toContain('普通住宅')
    await j.type('报装容量（千瓦）', '8')
    // a desired date from the date picker (its first choice is today), shown in the field once confirmed
    await j.tapRole('button', '选择期望接电日期')
    await page.getByText('确定', { exact: true }).filter({ visible: true }).tap()
    await page.getByRole('button', { name: '选择期望接电日期' }).filter({ hasText: /^\d{4}-\d{2}-\d{2}$/ }).waitFor()
    await j.snap('desired-date')
    await j.continue()

    await j.at('证照材料')
    await j.tap('同意并一键调取')
    await card(page, '居民身份证').waitFor()
    await page.getByText('渝快办电子证照库中没有查到您名下的不动产权证书').waitFor()
    await j.tap(licenceSection(page, '用电地址物权证明').getByRole('radio', { name: /一证受理/ }))
    await page.getByText('已选择一证受理。是否承诺补交由您自愿决定，不承诺也可以受理。').waitFor()
    await j.snap('one-cert')
    await j.continue()

    const number = await checkSignSubmit(j)
    expect(number).toMatch(/^WZ\d{14}$/)
    const result = await visibleText(page)
    expect(result).toContain('办理业务：居民新装')
    expect(result).toContain('全流程不超过5个工作日')
    expect(result).toContain('0元')
    expect(result).toContain('用电地址物权证明待补交（一证受理）')
    // the number can be copied to quote it or paste it into 查询进度
    await ctx.grantPermissions(['clipboard-read', 'clipboard-write'])
    await j.tapRole('button', `复制申请编号${number}`)
    await page.getByText('内容已复制').waitFor()
    await j.snap('result-copied')
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(number)
    process.stdout.write(`\n${j.report()}\n`)
    expect(j.typed).toBeLessThan(20)
    expect(problems).toEqual([])
    await ctx.close()
  })
})
