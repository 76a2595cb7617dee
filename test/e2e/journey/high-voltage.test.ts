import fs from 'node:fs'
import path from 'node:path'
import { signInWithYkb } from '../support/sign-in'
import {
  addressIn, applicantOwner, atResult, card, checkSignSubmit, chooseService, licenceSection, pickFile, scratchDir, useJourneyEnv, newJourney,
  visibleText,
} from './support'

jest.setTimeout(180_000)
const env = useJourneyEnv()

const MOVED = '报装容量200千瓦，超过低压接入上限160千瓦，需按高压新装（10千伏）办理，已为您改选。全流程平均不超过28个工作日；需另外上传用电工程项目批准文件；产权分界点以内的用户侧工程由您委托有资质的单位建设，费用由您承担；供用电合同在装表接电时签订。如果是输入有误（比如多输了一个0），改正容量后会自动改回低压非居民新装（小微企业）'

describe('10 kV user (高压新装)', () => {
  it('should move a 200 kW low-voltage choice to 10 kV with a reason, ask for the project approval and skip signing', async () => {
    const { j, page, ctx, problems } = await newJourney(env(), 'high-voltage')
    const dir = scratchDir()
    const approval = path.join(dir, 'approval.pdf')
    fs.writeFileSync(approval, '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')

    await signInWithYkb(j, '李')
    await chooseService(j, '低压非居民新装（小微企业）')
    await applicantOwner(j, '个人（含个体工商户）')
    await addressIn(j, '瀼渡镇', '工业园区8号厂房')

    await j.at('用电需求')
    expect(await visibleText(page)).toContain('第4步，共6步')
    await j.type('报装容量（千瓦）', '200')
    // said as the figure is typed, before 继续
    await page.getByRole('alert').filter({ hasText: MOVED }).waitFor()
    await j.tapRole('radio', '生产加工')
    const moved = await visibleText(page)
    expect(moved).toContain('供电电压：10千伏（由所选业务确定）')
    expect(moved).toContain('10千伏供电')
    expect(moved).toContain('第4步，共6步')
    await j.snap('moved-to-10kv')
    await j.continue()

    await j.at('证照材料')
    const approvalSection = licenceSection(page, '用电工程项目批准文件')
    await approvalSection.getByText('高压新装需要项目核准或备案文件').waitFor()
    await pickFile(j, approvalSection.locator('taro-button-core, .taro-button-core, button', { hasText: '上传批准文件' }).first(), approval)
    await approvalSection.getByText('✓ 批准文件已上传').waitFor()
    await j.tap('同意并一键调取')
    await card(page, '居民身份证').waitFor()
    await card(page, '不动产权证书').waitFor()
    await j.snap('licences-and-approval')
    await j.continue()

    await j.at('核对信息')
    const check = await visibleText(page)
    expect(check).toContain('高压新装（10千伏）')
    expect(check).toContain('200千瓦')
    expect(check).toContain('用电工程项目批准文件：已上传')
    await j.continue('提交申请')

    const number = await atResult(j)
    expect(number).toMatch(/^WZ\d{14}$/)
    expect(j.screens).not.toContain('签署合同')
    const result = await visibleText(page)
    expect(result).toContain('办理业务：高压新装（10千伏）')
    expect(result).toContain('全流程平均不超过28个工作日')
    expect(result).toContain('用电工程项目批准文件将由工作人员核验')
    // The utility charges nothing, but the customer-side works are the applicant's: the receipt must not say "no cost at all".
    expect(result).not.toContain('不收取任何费用')
    expect(result).toContain('费用由您承担')
    process.stdout.write(`\n${j.report()}\n`)
    expect(problems).toEqual([])
    fs.rmSync(dir, { recursive: true, force: true })
    await ctx.close()
  })

  it('should move back to low voltage when the capacity is corrected after the move (a typo fixed)', async () => {
    const { j, page, ctx, problems } = await newJourney(env(), 'high-voltage-corrected')
    await signInWithYkb(j, '王')
    await chooseService(j, '低压非居民新装（小微企业）')
    await applicantOwner(j, '个人（含个体工商户）')
    await addressIn(j, '五桥街道', '演示路1号')
    await j.at('用电需求')
    await j.type('报装容量（千瓦）', '200')
    await j.tapRole('radio', '商铺经营')
    await page.getByRole('alert').filter({ hasText: MOVED }).waitFor()
    expect(await visibleText(page)).toContain('第4步，共6步')

    // the typo fixed: the banner follows the figure at once, no 继续 needed
    await j.type('报装容量（千瓦）', '20')
    await page.getByRole('alert').filter({ hasText: '报装容量20千瓦，可以低压接入，按低压非居民新装（小微企业）办理' }).waitFor()
    expect(await visibleText(page)).not.toContain('超过低压接入上限')
    const back = await visibleText(page)
    expect(back).toContain('第4步，共6步')
    expect(back).toContain('供电电压：220伏/380伏（由所选业务确定）')
    await j.snap('moved-back')
    await j.continue()

    await j.at('证照材料')
    expect(await visibleText(page)).not.toContain('用电工程项目批准文件')
    await j.tap('同意并一键调取')
    await card(page, '居民身份证').waitFor()
    await j.tap(licenceSection(page, '用电地址物权证明').getByRole('radio', { name: /一证受理/ }))
    await j.continue()
    const number = await checkSignSubmit(j, ['低压非居民新装（小微企业）', '20千瓦'])
    expect(number).toMatch(/^WZ\d{14}$/)
    expect(await visibleText(page)).toContain('全流程不超过7个工作日')
    process.stdout.write(`\n${j.report()}\n`)
    expect(problems).toEqual([])
    await ctx.close()
  })
})
