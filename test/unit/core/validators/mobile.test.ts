import { checkMobile } from '@/core/validators'

describe('checkMobile', () => {
  it('should accept the public test value', () => {
    expect(checkMobile('13800138000')).toEqual({ ok: true, value: '13800138000' })
  })

  it.each(['138 0013 8000', '138-0013-8000', ' 13800138000 ', '+86 138 0013 8000'])(
    'should normalise %s when it has spaces, hyphens or a country code',
    (raw) => {
      expect(checkMobile(raw)).toEqual({ ok: true, value: '13800138000' })
    },
  )

  it.each(['13', '19'])('should accept the prefix %s when it is in 13 to 19', (prefix) => {
    expect(checkMobile(`${prefix}912345678`).ok).toBe(true)
  })

  it.each(['12800138000', '10800138000', '1380013800', '138001380000', '1380013800a', '23800138000'])(
    'should explain the rule when the input is %s',
    (raw) => {
      expect(checkMobile(raw)).toEqual({ ok: false, message: expect.stringContaining('请输入11位手机号码') })
    },
  )

  it('should ask for the number when the input is empty', () => {
    expect(checkMobile('  ')).toEqual({ ok: false, message: '请输入手机号码' })
  })
})
