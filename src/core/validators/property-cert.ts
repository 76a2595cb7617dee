// 不动产权证书号 and 不动产单元号 (GB/T 37346-2019).
import { chinaDate } from '../calendar/china-date'
import { fail, pass, stripSpaces, toHalfWidth, type Check } from './check'

const CERT_EXAMPLE = '渝(2021)万州区不动产权第0000123号'
const CERT_PATTERN = /^([\u3400-\u9fff])\((\d{4})\)([\u3400-\u9fff]{2,})不动产权第(\d+)号$/
const WANZHOU_AREA = '500101'

/**
 * Checks a certificate number shaped like 渝(2021)万州区不动产权第0000123号. Lenient on spaces and on
 * half- or full-width brackets; returns it with half-width brackets and no spaces.
 */
export function checkPropertyCertNo(raw: string, today: Date = new Date()): Check<string> {
  const value = toHalfWidth(stripSpaces(raw ?? '')).replace(/[（〔［[]/g, '(').replace(/[）〕］\]]/g, ')')
  if (value === '') return fail('请输入不动产权证书号')
  const m = CERT_PATTERN.exec(value)
  if (!m) return fail(`请按证书上的样子输入完整证号，例如：${CERT_EXAMPLE}`)
  const year = Number(m[2])
  const lastYear = Number(chinaDate(today).slice(0, 4)) + 1
  if (year < 1990 || year > lastYear) return fail(`证号括号中的年份应在1990年至${lastYear}年之间，请核对`)
  if (m[4].length < 6 || m[4].length > 8) return fail('证号“第”与“号”之间的流水号应为6至8位数字，请核对')
  return pass(value)
}

const UNIT_PATTERN = /^\d{12}[GJZ][A-Z]\d{5}[FLQW]\d{8}$/

/** Checks a 28-character property unit number; `inWanzhou` when its area code is 500101. */
export function checkUnitNo(raw: string): Check<{ unitNo: string; inWanzhou: boolean }> {
  const unitNo = toHalfWidth(stripSpaces(raw ?? '')).toUpperCase()
  if (unitNo === '') return fail('请输入不动产单元号')
  if (unitNo.length !== 28) return fail(`请输入28位不动产单元号（现在是${unitNo.length}位）`)
  if (!UNIT_PATTERN.test(unitNo)) {
    return fail('不动产单元号应依次为：12位数字、2位字母（第一位为G、J或Z）、5位数字、1位字母（F、L、Q或W）、8位数字，请核对')
  }
  return pass({ unitNo, inWanzhou: unitNo.startsWith(WANZHOU_AREA) })
}
