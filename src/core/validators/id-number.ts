// 公民身份号码 (GB 11643-1999): 6-digit address code, birth date YYYYMMDD, 3-digit sequence,
// and an ISO 7064 MOD 11-2 check character.
import { chinaDate, isRealDate } from '../calendar/china-date'
import { fail, pass, stripSpaces, toHalfWidth, type Check } from './check'

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_CHARS = '10X98765432'

/** The check character (0-9 or X) for the first 17 digits of an ID number. */
export function idCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`idCheckChar: expected 17 digits, got "${first17}"`)
  let sum = 0
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i]
  return CHECK_CHARS[sum % 11]
}

/** Birth date 'YYYY-MM-DD' of an 18-digit (or old 15-digit, born 19xx) ID number. */
export function birthDateOf(id: string): string {
  const digits = id.length === 15 ? `19${id.slice(6, 12)}` : id.slice(6, 14)
  return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`
}

/** Checks an 18-character ID number; accepts a lower-case x and returns it upper-case. */
export function checkIdNumber(raw: string, today: Date = new Date()): Check<string> {
  const id = toHalfWidth(stripSpaces(raw ?? '')).toUpperCase()
  if (id === '') return fail('请输入公民身份号码')
  if (!/^\d{17}[\dX]$/.test(id)) return fail('请输入18位公民身份号码，前17位为数字，最后一位为数字或字母X')
  const birth = birthDateOf(id)
  const [year, month, day] = birth.split('-').map(Number)
  if (year < 1800 || !isRealDate(year, month, day)) {
    return fail('号码第7至14位的出生日期不存在，请核对后重新输入')
  }
  if (birth > chinaDate(today)) return fail('号码第7至14位的出生日期晚于今天，请核对后重新输入')
  if (idCheckChar(id.slice(0, 17)) !== id[17]) {
    return fail('号码最后一位（校验码）与前17位不符，请逐位核对后重新输入')
  }
  return pass(id)
}
