// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character set (no I, O, Z, S, V);
// characters 3-8 are the administrative area code; the last one is a MOD 31 check character.
import { fail, pass, stripSpaces, toHalfWidth, type Check } from './check'

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

/** The check character for the first 17 characters of a credit code. */
export function creditCodeCheckChar(first17: string): string {
  const code = first17.toUpperCase()
  if (code.length !== 17 || [...code].some((ch) => !CHARSET.includes(ch))) {
    throw new Error(`creditCodeCheckChar: expected 17 characters from ${CHARSET}, got "${first17}"`)
  }
  let sum = 0
  for (let i = 0; i < 17; i += 1) sum += CHARSET.indexOf(code[i]) * WEIGHTS[i]
  return CHARSET[(31 - (sum % 31)) % 31]
}

/**
 * Checks a credit code. A wrong check character alone is accepted with a warning, because a few
 * codes really issued fail the check: the user (or staff) confirms against the licence.
 */
export function checkCreditCode(raw: string): Check<string> {
  const code = toHalfWidth(stripSpaces(raw ?? '')).toUpperCase()
  if (code === '') return fail('请输入统一社会信用代码')
  if (code.length !== 18) return fail(`请输入18位统一社会信用代码（现在是${code.length}位）`)
  if (/[IOZSV]/.test(code)) {
    return fail('统一社会信用代码不含字母I、O、Z、S、V，请核对是否把数字1、0、2、5误输成了字母')
  }
  if ([...code].some((ch) => !CHARSET.includes(ch))) return fail('统一社会信用代码只含数字和大写字母，请核对后重新输入')
  if (!/^\d{6}$/.test(code.slice(2, 8))) return fail('统一社会信用代码第3至8位应为6位数字（行政区划码），请核对')
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) {
    return pass(code, '最后一位校验码与计算结果不一致。少数已发放的代码确实无法通过校验，请对照营业执照确认无误后继续')
  }
  return pass(code)
}
