// Mainland China mobile numbers: 1[3-9] followed by 9 digits.
import { fail, pass, stripSpaces, toHalfWidth, type Check } from './check'

/** Checks a mobile number, ignoring spaces, hyphens and a leading +86 / 0086. */
export function checkMobile(raw: string): Check<string> {
  const mobile = toHalfWidth(stripSpaces(raw ?? ''))
    .replace(/[-\u2010-\u2015\uFF0D]/g, '')
    .replace(/^(\+86|0086)(?=\d{11}$)/, '')
  if (mobile === '') return fail('请输入手机号码')
  if (!/^1[3-9]\d{9}$/.test(mobile)) return fail('请输入11位手机号码，以13至19开头')
  return pass(mobile)
}
