import { checkCreditCode, creditCodeCheckChar } from '@/core/validators'

describe('creditCodeCheckChar', () => {
  it('should compute the check character of the public test values', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3')
    expect(creditCodeCheckChar('11100000000013127')).toBe('D')
  })

  it('should map a remainder of 0 to the character 0 when 31 - 0 would be 31', () => {
    // Find a body whose sum is a multiple of 31 by varying the last body character.
    const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY'
    const bodies = [...charset].map((ch) => `9150010000000000${ch}`)
    expect(bodies.map(creditCodeCheckChar)).toContain('0')
  })

  it('should throw when the body has a forbidden character', () => {
    expect(() => creditCodeCheckChar('91350100M000100O4')).toThrow()
  })
})

describe('checkCreditCode', () => {
  it.each(['91350100M000100Y43', '11100000000013127D'])('should accept %s without a warning when it is a public test value', (code) => {
    expect(checkCreditCode(code)).toEqual({ ok: true, value: code })
  })

  it('should upper-case and trim when the user typed lower case with spaces', () => {
    expect(checkCreditCode(' 91350100m000100y43 ')).toEqual({ ok: true, value: '91350100M000100Y43' })
  })

  it('should ask for the code when the input is empty', () => {
    expect(checkCreditCode('')).toEqual({ ok: false, message: '请输入统一社会信用代码' })
  })

  it.each(['91350100M000100Y4', '91350100M000100Y433'])('should ask for 18 characters when the input is %s', (code) => {
    expect(checkCreditCode(code)).toEqual({ ok: false, message: expect.stringContaining('请输入18位统一社会信用代码') })
  })

  it.each(['I', 'O', 'Z', 'S', 'V'])('should refuse the forbidden letter %s when it appears in the code', (letter) => {
    const result = checkCreditCode(`91350100M000100${letter}43`)
    expect(result).toEqual({ ok: false, message: expect.stringContaining('不含字母I、O、Z、S、V') })
  })

  it('should refuse punctuation when it appears in the code', () => {
    expect(checkCreditCode('91350100M000100-43')).toEqual({ ok: false, message: expect.stringContaining('只含数字和大写字母') })
  })

  it('should refuse an area code with letters when characters 3-8 are not 6 digits', () => {
    expect(checkCreditCode('9135A100M000100Y43')).toEqual({ ok: false, message: expect.stringContaining('第3至8位') })
  })

  it.each(['0', '1', '2', '4', '9', 'A', 'Y'])('should accept with a warning when the check character is %s instead of 3', (last) => {
    const result = checkCreditCode(`91350100M000100Y4${last}`)
    expect(result.ok).toBe(true)
    if (result.ok) {
      expect(result.value).toBe(`91350100M000100Y4${last}`)
      expect(result.warning).toContain('请对照营业执照确认')
    }
  })

  it('should warn when a body character was mistyped and the check no longer matches', () => {
    const result = checkCreditCode('11100000000013128D')
    expect(result.ok && result.warning).toBeTruthy()
  })
})
