import { birthDateOf, checkIdNumber, idCheckChar } from '@/core/validators'

const TODAY = new Date('2026-03-01T04:00:00Z')

describe('idCheckChar', () => {
  it('should compute X when the weighted sum leaves remainder 2', () => {
    expect(idCheckChar('11010519491231002')).toBe('X')
  })

  it('should compute a digit when the remainder maps to one', () => {
    expect(idCheckChar('44052418800101001')).toBe('4')
  })

  it('should throw when given anything but 17 digits', () => {
    expect(() => idCheckChar('1101051949123100')).toThrow()
    expect(() => idCheckChar('1101051949123100A')).toThrow()
  })
})

describe('checkIdNumber', () => {
  it.each(['11010519491231002X', '440524188001010014'])('should accept %s when it is the public test value', (id) => {
    expect(checkIdNumber(id, TODAY)).toEqual({ ok: true, value: id })
  })

  it('should return upper-case X when the input ends in lower-case x', () => {
    expect(checkIdNumber('11010519491231002x', TODAY)).toEqual({ ok: true, value: '11010519491231002X' })
  })

  it('should ignore surrounding and inner spaces when the user pasted them', () => {
    expect(checkIdNumber('  110105 19491231 002X ', TODAY)).toEqual({ ok: true, value: '11010519491231002X' })
  })

  it('should ask for the number when the input is empty or blank', () => {
    expect(checkIdNumber('', TODAY)).toEqual({ ok: false, message: '请输入公民身份号码' })
    expect(checkIdNumber('   ', TODAY)).toEqual({ ok: false, message: '请输入公民身份号码' })
  })

  it.each(['11010519491231002', '11010519491231002X1', '110105194912310', '1101051949123100A2', '11010519491231002Y'])(
    'should ask for 18 characters when the input is %s',
    (id) => {
      const result = checkIdNumber(id, TODAY)
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.message).toContain('请输入18位公民身份号码')
    },
  )

  it.each(['110105194902300012', '110105194913010012', '110105190002290012', '110105170001010012'])(
    'should report a birth date that does not exist when the number is %s',
    (id) => {
      const result = checkIdNumber(id, TODAY)
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.message).toContain('出生日期不存在')
    },
  )

  it('should report a future birth date when the date is after today in China', () => {
    const first17 = '11010520260302001'
    const id = first17 + idCheckChar(first17)
    const result = checkIdNumber(id, TODAY)
    expect(result).toEqual({ ok: false, message: expect.stringContaining('晚于今天') })
  })

  it('should accept a birth date of today in China when UTC is still on the previous day', () => {
    const first17 = '11010520260302001'
    const id = first17 + idCheckChar(first17)
    expect(checkIdNumber(id, new Date('2026-03-01T16:30:00Z')).ok).toBe(true)
  })

  it('should accept 29 February when the birth year is a leap year', () => {
    const first17 = '11010520000229001'
    expect(checkIdNumber(first17 + idCheckChar(first17), TODAY).ok).toBe(true)
  })

  it.each(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'])(
    'should report a wrong check character when the last character of 11010519491231002X is replaced by %s',
    (last) => {
      const result = checkIdNumber(`11010519491231002${last}`, TODAY)
      expect(result).toEqual({ ok: false, message: expect.stringContaining('校验码') })
    },
  )

  it('should report a wrong check character when one of the first 17 digits is mistyped', () => {
    expect(checkIdNumber('440524188001010024', TODAY).ok).toBe(false)
    expect(checkIdNumber('540524188001010014', TODAY).ok).toBe(false)
  })

  it('should give a different message for each kind of problem', () => {
    const messages = ['', '123', '110105194902300012', '11010520990101001X', '440524188001010015'].map((id) => {
      const result = checkIdNumber(id, TODAY)
      return result.ok ? '' : result.message
    })
    expect(new Set(messages).size).toBe(5)
  })
})

describe('birthDateOf', () => {
  it('should return YYYY-MM-DD when given an 18-digit number', () => {
    expect(birthDateOf('11010519491231002X')).toBe('1949-12-31')
    expect(birthDateOf('440524188001010014')).toBe('1880-01-01')
  })

  it('should assume the 1900s when given an old 15-digit number', () => {
    expect(birthDateOf('110105491231002')).toBe('1949-12-31')
  })
})
