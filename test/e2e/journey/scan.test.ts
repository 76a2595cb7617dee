import { signInWithYkb } from '../support/sign-in'
import type { Journey } from '../support/journey'
import {
  addressIn, applicantOwner, card, checkSignSubmit, chooseService, holderDecides, holderPhone, licenceSection, loadOf, pasteQr,
  useJourneyEnv, newJourney, unexpected, visibleText,
} from './support'

jest.setTimeout(180_000)
const env = useJourneyEnv()

const ID_SHOW = '/ykb/licence-show?identity=ykb-demo-li&kind=id-card'
const PAPER_QR = '/ykb/paper-qr?identity=ykb-demo-li'

/** 李明远, small business, up to the licences page without using the one-tap retrieval. */
async function toLicences(j: Journey): Promise<void> {
  await signInWithYkb(j, '李')
  await chooseService(j, '低压非居民新装（小微企业）')
  await applicantOwner(j, '个人（含个体工商户）')
  await addressIn(j, '瀼渡镇', '演示街9号1幢1-1')
  await loadOf(j, '20', '商铺经营')
  await j.at('证照材料')
}

describe('licences provided by scanning (pasted QR content on H5)', () => {
  it('should attach the ID by 亮证 once the holder agrees, and the property by the paper certificate QR', async () => {
    const { j, page, ctx, problems } = await newJourney(env(), 'scan')
    await toLicences(j)

    const id = licenceSection(page, '身份证件')
    await j.tap(id.getByRole('button', { name: /扫描亮证码/ }))
    const show = await holderPhone(env(), ID_SHOW)
    expect(show.qr).toMatch(/^YKBLZ1:id-card:/)
    await pasteQr(j, id, show.qr)
    await id.getByText('请持证人在渝快办中确认授权').waitFor()
    await j.snap('id-waiting-for-holder')
    await holderDecides(show.holder, '同意用证')
    await show.close()

    const idCard = card(page, '居民身份证')
    await idCard.waitFor({ timeout: 15_000 })
    const idText = await idCard.innerText()
    expect(idText).toContain('有效')
    expect(idText).toContain('来源：亮证扫码')
    expect(idText).not.toMatch(/\d{17}[\dX]/)
    await j.snap('id-attached')

    const property = licenceSection(page, '用电地址物权证明')
    await j.tap(property.getByRole('button', { name: /扫描亮证码或证书二维码/ }))
    const paper = await holderPhone(env(), PAPER_QR)
    expect(paper.qr.split('$')).toHaveLength(4)
    await paper.close()
    await pasteQr(j, property, paper.qr)
    const propCard = card(page, '不动产权证书')
    await propCard.waitFor({ timeout: 15_000 })
    expect(await propCard.innerText()).toContain('来源：纸质证书二维码')
    expect(await propCard.innerText()).toContain('有效')
    await j.snap('property-attached')
    await j.continue()

    const number = await checkSignSubmit(j)
    expect(number).toMatch(/^WZ\d{14}$/)
    process.stdout.write(`\n${j.report()}\n`)
    expect(j.typed).toBeLessThan(20)
    expect(problems).toEqual([])
    await ctx.close()
  })

  it('should say why a bad QR or a refused request attached nothing, and let the applicant try again', async () => {
    const { j, page, ctx, problems } = await newJourney(env(), 'scan-refused')
    await toLicences(j)

    const id = licenceSection(page, '身份证件')
    await j.tap(id.getByRole('button', { name: /扫描亮证码/ }))
    await pasteQr(j, id, 'hello')
    await id.getByRole('alert').filter({ hasText: '二维码内容无法识别，请确认扫描的是渝快办亮证码或不动产权证书二维码' }).waitFor()
    await j.snap('bad-qr')
    expect(await page.locator('.material-card').filter({ visible: true }).count()).toBe(0)

    const show = await holderPhone(env(), ID_SHOW)
    await pasteQr(j, id, show.qr)
    await holderDecides(show.holder, '拒绝')
    await id.getByRole('alert').filter({ hasText: '持证人拒绝了本次用证授权' }).waitFor({ timeout: 15_000 })
    await j.snap('refused')
    expect(await page.locator('.material-card').filter({ visible: true }).count()).toBe(0)

    // Trying again: the same code (still live) makes a new request, which the holder now accepts.
    await pasteQr(j, id, show.qr)
    await holderDecides(show.holder, '同意用证')
    await show.close()
    await card(page, '居民身份证').waitFor({ timeout: 15_000 })
    expect(await visibleText(page)).not.toContain('持证人拒绝了本次用证授权')

    await j.tap(licenceSection(page, '用电地址物权证明').getByRole('radio', { name: /一证受理/ }))
    await j.snap('attached-after-retry')
    await j.continue()

    const number = await checkSignSubmit(j)
    expect(number).toMatch(/^WZ\d{14}$/)
    expect(await visibleText(page)).toContain('用电地址物权证明待补交（一证受理）')
    process.stdout.write(`\n${j.report()}\n`)
    // The one 400 is the 'hello' QR being refused, as intended.
    expect(problems.filter((p) => p.includes('/api/licences/scan'))).toHaveLength(1)
    expect(unexpected(problems, [/status of 400 \(Bad Request\) http:\/\/[^ ]+\/api\/licences\/scan$/])).toEqual([])
    await ctx.close()
  })
})
