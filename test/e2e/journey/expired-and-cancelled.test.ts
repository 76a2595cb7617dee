import fs from 'node:fs'
import path from 'node:path'
import { Raster } from '../../../mock/ocr/png'
import {
  card, checkSignSubmit, download, holderPhone, licenceSection, newJourney, pasteQr, pickFile, residentToLicences, scratchDir, unexpected,
  useJourneyEnv, visibleText,
} from './support'

jest.setTimeout(180_000)
const env = useJourneyEnv()

describe('赵强: an expired ID e-licence and a cancelled property certificate', () => {
  it('should say at the photo that an ID photo is someone else\'s, fill his own from 渝快办 when the photo is not read, and keep a cancelled certificate\'s QR in view', async () => {
    const { j, page, ctx, problems } = await newJourney(env(), 'expired-and-cancelled')
    const dir = scratchDir()
    const someoneElse = await download(env(), '/ykb/demo/idcard-front.png', dir) // 王芳's card
    const back = await download(env(), '/ykb/demo/idcard-back.png', dir)
    const unread = path.join(dir, 'blurred.png')
    fs.writeFileSync(unread, new Raster(120, 80, [200, 210, 220]).rect(10, 10, 60, 8, [60, 60, 60]).toPng())

    await residentToLicences(j, '赵')
    await j.tap('同意并一键调取')
    const id = licenceSection(page, '身份证件')
    await id.locator('.material-card', { hasText: '已过期' }).waitFor()

    // someone else's ID photo: refused right here, in words, before anything is attached
    await j.tap(id.getByRole('button', { name: /拍照上传/ }))
    await pickFile(j, id.locator('taro-button-core, .taro-button-core, button', { hasText: '拍摄人像面' }).first(), someoneElse)
    await id.getByRole('alert').filter({ hasText: '这张身份证不是您本人的：与您渝快办实名认证的身份不一致，请拍摄您本人的身份证' }).waitFor()
    await j.snap('someone-elses-id')
    expect(await id.locator('.material-card', { hasText: '照片' }).count()).toBe(0)

    // his own card, not read: name and number come from his 渝快办 sign-in, masked; nothing typed
    await pickFile(j, id.locator('taro-button-core, .taro-button-core, button', { hasText: '拍摄人像面' }).first(), unread)
    const filled = id.getByRole('status').filter({ hasText: '已按您的渝快办实名信息填写' })
    await filled.waitFor()
    expect(await filled.innerText()).toMatch(/姓名 赵\*，证件号 \d{4}\*{10}[\dX]{4}/)
    await pickFile(j, id.locator('taro-button-core, .taro-button-core, button', { hasText: '拍摄国徽面' }).first(), back)
    await id.getByText('✓ 国徽面已上传').waitFor()
    await j.snap('filled-from-identity')
    await j.tap(id.locator('taro-button-core, .taro-button-core, button', { hasText: '确认使用' }).first())
    const photoCard = card(page, '居民身份证（照片）')
    await photoCard.waitFor()
    expect(await photoCard.innerText()).toContain('证件信息：取自渝快办实名信息')

    // the cancelled certificate's paper QR: the panel stays, showing what the API said
    const property = licenceSection(page, '用电地址物权证明')
    await j.tap(property.getByRole('button', { name: /扫描亮证码或证书二维码/ }))
    const paper = await holderPhone(env(), '/ykb/paper-qr?identity=ykb-demo-zhao')
    await paper.close()
    await pasteQr(j, property, paper.qr)
    const refused = property.locator('.panel .material-card', { hasText: '已注销' })
    await refused.waitFor()
    expect(await refused.innerText()).toContain('该不动产权证书电子证照已注销，不能用于报装')
    expect(await refused.innerText()).not.toContain('电子证照标识校验通过')
    expect(await property.innerText()).toContain('这张证书不能用于本次申请')
    await j.snap('cancelled-certificate-qr')
    await j.tap(property.locator('taro-button-core, .taro-button-core, button', { hasText: '取消' }).first())
    await j.tap(property.getByRole('radio', { name: /一证受理/ }))
    await j.continue()

    const number = await checkSignSubmit(j)
    expect(number).toMatch(/^WZ\d{14}$/)
    expect(await visibleText(page)).toContain('身份证照片将由工作人员核验')
    process.stdout.write(`\n${j.report()}\n`)
    expect(j.typed).toBeLessThanOrEqual(25)
    // the two 422s are the refusals provoked on purpose: someone else's card, and the unread photo
    expect(unexpected(problems, [/status of 422 \(Unprocessable Entity\) http:\/\/[^ ]+\/api\/ocr\/idcard$/])).toEqual([])
    fs.rmSync(dir, { recursive: true, force: true })
    await ctx.close()
  })
})
