// 字号: a 个体工商户's trade name as on its business licence (optional; e.g. 老王面馆, 万州区李记便利店).
import { fail, pass, type Check } from './check'

export const SHOP_NAME_LENGTH = { min: 2, max: 30 } as const
const ALLOWED = /^[\u4e00-\u9fa5\u3400-\u4dbfA-Za-z0-9（）()·&\- ]+$/

/** Checks a 字号: 2 to 30 characters of Chinese, letters, digits, brackets, ·, & or -; empty means none given. */
export function checkShopName(raw: string | undefined): Check<string | undefined> {
  const name = (raw ?? '').trim().replace(/\s+/g, ' ')
  if (name === '') return pass(undefined)
  const length = [...name].length
  if (length < SHOP_NAME_LENGTH.min || length > SHOP_NAME_LENGTH.max) return fail(`字号请填写${SHOP_NAME_LENGTH.min}至${SHOP_NAME_LENGTH.max}个字，如“老王面馆”；没有可以不填`)
  if (!ALLOWED.test(name)) return fail('字号只能包含汉字、字母、数字、括号、“·”、“&”和“-”，请按营业执照填写')
  return pass(name)
}
