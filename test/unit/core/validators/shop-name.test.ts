import { checkShopName } from '@/core/validators'

describe('checkShopName (个体工商户字号)', () => {
  it('should take nothing as no 字号, and trim a given one', () => {
    expect(checkShopName('')).toEqual({ ok: true, value: undefined })
    expect(checkShopName('   ')).toEqual({ ok: true, value: undefined })
    expect(checkShopName(' 老王面馆 ')).toEqual({ ok: true, value: '老王面馆' })
    expect(checkShopName('万州区李记便利店（二店）')).toEqual({ ok: true, value: '万州区李记便利店（二店）' })
  })

  it('should refuse one character, over 30, and characters no licence carries, saying what to do', () => {
    expect(checkShopName('店')).toEqual({ ok: false, message: '字号请填写2至30个字，如“老王面馆”；没有可以不填' })
    expect(checkShopName('面'.repeat(31))).toMatchObject({ ok: false })
    expect(checkShopName('面'.repeat(30))).toMatchObject({ ok: true })
    expect(checkShopName('<b>面馆</b>')).toEqual({ ok: false, message: '字号只能包含汉字、字母、数字、括号、“·”、“&”和“-”，请按营业执照填写' })
  })
})
