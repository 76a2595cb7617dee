// 电子证照标识 (GB/T 36904-2018):
// 1.2.156.3005.2.{type code, 21}.{issuer USCC, 18}.{serial}.{version, 3 digits}.{check}
// The check character is ISO/IEC 7064 MOD 37,36 (hybrid system, alphabet 0-9A-Z) computed over
// type code + issuer code + serial + version, dots removed.
import { fail, pass, stripSpaces, type Check } from './check'

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'
const M = 36
const PREFIX = '1.2.156.3005.2.'
const SHAPE = '1.2.156.3005.2.证照类型代码.颁发机构代码.流水号.版本号.校验位'

export type LicenceIdParts = { typeCode: string; issuerCode: string; serial: string; version: string; check: string }

/** ISO/IEC 7064 MOD 37,36 check character over `body` (characters 0-9, A-Z). */
export function mod37_36CheckChar(body: string): string {
  let p = M
  for (const ch of body.toUpperCase()) {
    const value = ALPHABET.indexOf(ch)
    if (value < 0) throw new Error(`mod37_36CheckChar: "${ch}" is not in 0-9A-Z`)
    const s = (p + value) % M || M
    p = (s * 2) % (M + 1)
  }
  return ALPHABET[(M + 1 - p) % M]
}

/** Checks the parts in order and returns the first problem, in Chinese. */
function partsProblem(parts: Omit<LicenceIdParts, 'check'>): string | undefined {
  if (!/^[0-9A-Z]{21}$/.test(parts.typeCode)) return '证照类型代码应为21位数字或大写字母，请核对'
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(parts.issuerCode)) return '颁发机构代码应为18位统一社会信用代码，请核对'
  if (!/^[0-9A-Z]+$/.test(parts.serial)) return '流水号应由数字或大写字母组成，请核对'
  if (!/^\d{3}$/.test(parts.version)) return '版本号应为3位数字，请核对'
  return undefined
}

/** Parses and checks an e-licence identifier. */
export function parseLicenceId(raw: string): Check<LicenceIdParts> {
  const id = stripSpaces(raw ?? '').toUpperCase()
  if (id === '') return fail('请输入电子证照标识')
  if (!id.startsWith(PREFIX)) return fail(`电子证照标识应以${PREFIX}开头，请核对`)
  const fields = id.slice(PREFIX.length).split('.')
  if (fields.length !== 5) return fail(`电子证照标识格式应为：${SHAPE}，请核对`)
  const [typeCode, issuerCode, serial, version, check] = fields
  const problem = partsProblem({ typeCode, issuerCode, serial, version })
  if (problem) return fail(problem)
  if (!/^[0-9A-Z]$/.test(check)) return fail('校验位应为1位数字或大写字母，请核对')
  if (mod37_36CheckChar(typeCode + issuerCode + serial + version) !== check) {
    return fail('电子证照标识的校验位不正确，请核对标识是否完整、有无输错')
  }
  return pass({ typeCode, issuerCode, serial, version, check })
}

/** Builds a valid identifier (used to seed demo data); throws when a part is malformed. */
export function makeLicenceId(typeCode: string, issuerCode: string, serial: string, version: string): string {
  const parts = { typeCode, issuerCode, serial, version }
  const problem = partsProblem(parts)
  if (problem) throw new Error(`makeLicenceId: ${problem} (${JSON.stringify(parts)})`)
  const check = mod37_36CheckChar(typeCode + issuerCode + serial + version)
  return `${PREFIX}${typeCode}.${issuerCode}.${serial}.${version}.${check}`
}
