import type { Phone } from './phone'

/** One screen of the journey as it was rendered when the person acted on it. */
export interface Seen {
  route: string
  text: string
  /** the page's whole data (what the view layer has) */
  data: string
}

export interface Applied {
  /** the application number on the result page */
  number: string
  /** each screen from the start page to the result, as rendered */
  seen: Seen[]
  /** characters typed */
  typed: number
}

/**
 * The quickest path of a small-business owner with authorised e-licences (李明远), every step a tap or typing
 * dispatched as WeChat would: start page → 渝快办 sign-in in the web-view → consent (the first time) → 选择业务 → 申请人信息 →
 * 用电地址 → 用电需求 → 证照材料 → 核对信息 (and signing) → result.
 */
export async function applyByTaps(phone: Phone): Promise<Applied> {
  const seen: Seen[] = []
  let typed = 0
  const look = (heading: string) => {
    if (!phone.screen.includes(heading)) throw new Error(`expected "${heading}" on ${phone.at}, the screen shows:\n${phone.screen}`)
    seen.push({ route: phone.at, text: phone.screen, data: JSON.stringify(phone.thread.top().data) })
  }
  const type = async (label: string, value: string) => {
    await phone.type(label, value)
    typed += [...value].length
  }

  look('我要申请办电')
  await phone.signInWithYkb('ykb-demo-li')
  // the separate consent is asked once per user: a second application goes straight on
  if (phone.at === 'packages/account/pages/consent/index') {
    look('办电需要收集的个人信息')
    await phone.tap('同意并继续')
  }

  look('选择业务')
  await phone.tapRole('radio', '低压非居民新装（小微企业）')
  await phone.tap('继续')

  look('申请人信息')
  await phone.tapRole('radio', '个人（含个体工商户）')
  await phone.tapRole('radio', '用电人本人办理')
  await phone.tap('继续')

  look('用电地址')
  await phone.tapRole('radio', '瀼渡镇')
  await type('详细地址', '演示街9号1幢1-1')
  look('供电企业：国网万州供电分公司')
  await phone.tap('继续')

  look('用电需求')
  await type('报装容量（千瓦）', '20')
  await phone.tapRole('radio', '商铺经营')
  await phone.tap('继续')

  look('证照材料')
  await phone.tap('同意并一键调取')
  look('电子证照标识校验通过')
  await phone.tap('继续')

  // the answers, then the contract signed at the foot of the same page
  look('核对信息')
  look('签署供用电合同')
  await phone.tapRole('checkbox', '已阅读并同意')
  await phone.tap('签署并提交申请')

  look('申请已提交')
  const number = /WZ\d{14}/.exec(phone.screen)?.[0]
  if (!number) throw new Error(`no application number on the result page:\n${phone.screen}`)
  return { number, seen, typed }
}
