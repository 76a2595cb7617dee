import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { Raster } from '../../../mock/ocr/png'
import type { Journey } from '../support/journey'
import {
  card, checkSignSubmit, download, licenceSection, pickFile, residentToLicences, scratchDir, tickConfirm, useJourneyEnv, newJourney, visibleText,
} from './support'

jest.setTimeout(180_000)
const env = useJourneyEnv()

/** Property: 一证受理, with the optional undertaking ticked. */
async function oneCertificate(j: Journey, page: Page): Promise<void> {
  await j.tap(licenceSection(page, '用电地址物权证明').getByRole('radio', { name: /一证受理/ }))
  await tickConfirm(j, '我愿意在施工接电前补交物权证明（可不选）')
}

describe('resident without a property e-licence: ID by photo, property by 一证受理', () => {
  it('should take recognised ID photos and submit on the ID alone, listing what staff will review', async () => {
    const { j, page, ctx, problems } = await newJourney(env(), 'photo-one-cert')
    const dir = scratchDir()
    const front = await download(env(), '/ykb/demo/idcard-front.png', dir)
    const back = await download(env(), '/ykb/demo/idcard-back.png', dir)
    await residentToLicences(j)

    await j.tap('同意并一键调取')
    await card(page, '居民身份证').waitFor()
    await page.getByText('渝快办电子证照库中没有查到您名下的不动产权证书，可扫描纸质证书二维码、拍照上传，或选择一证受理').waitFor()
    await j.snap('no-property-licence')

    const id = licenceSection(page, '身份证件')
    await j.tap(id.getByRole('button', { name: '更换' }))
    await j.tap(id.getByRole('button', { name: /拍照上传/ }))
    await pickFile(j, id.locator('taro-button-core, .taro-button-core, button', { hasText: '拍摄人像面' }).first(), front)
    const ocr = id.locator('.info', { hasText: '识别结果，请核对' })
    await ocr.waitFor()
    await pickFile(j, id.locator('taro-button-core, .taro-button-core, button', { hasText: '拍摄国徽面' }).first(), back)
    await id.getByText('✓ 国徽面已上传').waitFor()
    const ocrText = await ocr.innerText()
    expect(ocrText).toMatch(/姓名 王\*/)
    expect(ocrText).toMatch(/证件号 \d{4}\*{10}[\dX]{4}/)
    expect(ocrText).toContain('✓ 已识别姓名')
    expect(ocrText).toContain('✓ 公民身份号码校验通过')
    expect(ocrText).not.toContain('✗')
    await j.snap('ocr-result')
    await j.tap(id.locator('taro-button-core, .taro-button-core, button', { hasText: '确认使用' }).first())
    const photoCard = card(page, '居民身份证（照片）')
    await photoCard.waitFor()
    expect(await photoCard.innerText()).toContain('来源：照片上传（待工作人员核验）')

    await oneCertificate(j, page)
    await j.snap('photo-and-one-cert')
    await j.continue()

    const number = await checkSignSubmit(j, ['居民身份证（照片）', '物权证明：一证受理，以后补交（已自愿承诺补交）'])
    expect(number).toMatch(/^WZ\d{14}$/)
    const result = await visibleText(page)
    expect(result).toContain('身份证照片将由工作人员核验')
    expect(result).toContain('用电地址物权证明待补交（一证受理）')
    process.stdout.write(`\n${j.report()}\n`)
    expect(problems).toEqual([])
    fs.rmSync(dir, { recursive: true, force: true })
    await ctx.close()
  })

  it('should ask for the name and ID number when the photo is not recognised, checking the number', async () => {
    const { j, page, ctx, problems } = await newJourney(env(), 'photo-typed')
    const dir = scratchDir()
    const other = path.join(dir, 'other.png')
    fs.writeFileSync(other, new Raster(120, 80, [200, 210, 220]).rect(10, 10, 60, 8, [60, 60, 60]).toPng())
    const back = await download(env(), '/ykb/demo/idcard-back.png', dir)
    await residentToLicences(j)

    const id = licenceSection(page, '身份证件')
    await j.tap(id.getByRole('button', { name: /拍照上传/ }))
    await pickFile(j, id.locator('taro-button-core, .taro-button-core, button', { hasText: '拍摄人像面' }).first(), other)
    // her own card, not read: her 渝快办 identity is offered first; she chooses to type what the photo shows
    await id.getByRole('status').filter({ hasText: '已按您的渝快办实名信息填写' }).waitFor()
    await j.tapRole('button', '照片上不是这些信息？手动填写')
    await id.getByText('未能识别照片中的信息，请手动填写，工作人员会与照片核对。').waitFor()
    await pickFile(j, id.locator('taro-button-core, .taro-button-core, button', { hasText: '拍摄国徽面' }).first(), back)
    await id.getByText('✓ 国徽面已上传').waitFor()

    await j.type('姓名', '王芳')
    await j.type('公民身份号码', '500101199003151624')
    await j.tap(id.locator('taro-button-core, .taro-button-core, button', { hasText: '确认使用' }).first())
    const idField = id.locator('#field-typed-idNumber')
    await idField.locator('.field__error', { hasText: '号码最后一位（校验码）与前17位不符，请逐位核对后重新输入' }).waitFor()
    expect(await page.locator('.material-card').filter({ visible: true }).count()).toBe(0)
    await j.snap('wrong-check-digit')

    await j.type('公民身份号码', '500101199003151623') // 王芳's own: applying in person takes one's own ID card
    await j.tap(id.locator('taro-button-core, .taro-button-core, button', { hasText: '确认使用' }).first())
    const photoCard = card(page, '居民身份证（照片）')
    await photoCard.waitFor()
    expect(await photoCard.innerText()).toContain('来源：照片上传（待工作人员核验）')
    expect(await photoCard.innerText()).toContain('5001**********1623')

    await oneCertificate(j, page)
    await j.snap('typed-attached')
    await j.continue()
    const number = await checkSignSubmit(j)
    expect(number).toMatch(/^WZ\d{14}$/)
    expect(await visibleText(page)).toContain('身份证照片将由工作人员核验')
    process.stdout.write(`\n${j.report()}\n`)
    // The one 422 is the mock OCR saying it does not recognise the photo, as intended.
    expect(problems.filter((p) => !/status of 422 \(Unprocessable Entity\) http:\/\/[^ ]+\/api\/ocr\/idcard$/.test(p))).toEqual([])
    fs.rmSync(dir, { recursive: true, force: true })
    await ctx.close()
  })
})
