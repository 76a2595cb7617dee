// Issue 12, item 10: a case accepted on the ID alone (一证受理). Its page says what was undertaken and by when, and
// takes the property proof in the ways applying offers; here 李明远 fetches his certificate from 渝快办 afterwards.
import { signInWithYkb } from '../support/sign-in'
import { addressIn, applicantOwner, card, checkSignSubmit, chooseService, licenceSection, loadOf, newJourney, tickConfirm, visibleText } from '../journey/support'
import { appCard, currentPage, useTrackEnv } from './support'

jest.setTimeout(240_000)
const env = useTrackEnv()

describe('一证受理 follow-up on the case page', () => {
  it('should state the undertaking and take the property proof by 渝快办 retrieval, then list it among the materials', async () => {
    const { j, page, ctx, problems } = await newJourney(env(), 'one-cert-follow-up')
    await signInWithYkb(j, '李')
    await chooseService(j, '低压非居民新装（小微企业）')
    await applicantOwner(j, '个人（含个体工商户）')
    await addressIn(j, '瀼渡镇', '演示街9号1幢1-1')
    await loadOf(j, '20', '商铺经营')
    await j.at('证照材料')
    await j.tap('同意并一键调取')
    await card(page, '不动产权证书').waitFor()
    // he chooses to hand the certificate in later
    const property = licenceSection(page, '用电地址物权证明')
    await j.tap(property.getByRole('button', { name: '更换' }))
    await j.tap(property.getByRole('radio', { name: /一证受理/ }))
    await tickConfirm(j, '我愿意在施工接电前补交物权证明（可不选）')
    await j.continue()
    const number = await checkSignSubmit(j, ['物权证明：一证受理，以后补交（已自愿承诺补交）'])
    await j.tap('查看办理进度')
    await currentPage(page).getByText(`申请编号 ${number}`).waitFor()

    const proof = appCard(page, '物权证明待补交（一证受理）')
    expect(await proof.innerText()).toContain('您申请时自愿承诺：在施工接电前补交用电地址物权证明')
    for (const way of ['从渝快办调取电子证照', '扫描亮证码或证书二维码', '拍照上传']) expect(await proof.innerText()).toContain(way)
    await j.snap('proof-asked')
    await j.tap(proof.getByRole('button', { name: /从渝快办调取电子证照/ }))
    await proof.locator('.material-card', { hasText: '不动产权证书' }).waitFor()
    await j.tap(proof.locator('taro-button-core, .taro-button-core, button', { hasText: '提交物权证明' }).first())
    await appCard(page, '物权证明已补交').waitFor()
    const text = await visibleText(page)
    expect(text).toContain('已补交用电地址物权证明（一证受理）')
    expect(await currentPage(page).locator('.material-card', { hasText: '不动产权证书' }).count()).toBe(1)
    await j.snap('proof-handed-in')
    expect(problems).toEqual([])
    await ctx.close()
  })
})
