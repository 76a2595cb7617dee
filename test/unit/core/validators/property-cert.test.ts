import { checkPropertyCertNo, checkUnitNo } from '@/core/validators'

const TODAY = new Date('2026-06-01T00:00:00Z')
const CERT = '渝(2021)万州区不动产权第0000123号'

describe('checkPropertyCertNo', () => {
  it('should accept the documented shape when written with half-width brackets', () => {
    expect(checkPropertyCertNo(CERT, TODAY)).toEqual({ ok: true, value: CERT })
  })

  it('should normalise full-width brackets and stray spaces when the user typed them', () => {
    expect(checkPropertyCertNo(' 渝（2021） 万州区 不动产权第 0000123 号', TODAY)).toEqual({ ok: true, value: CERT })
  })

  it.each(['000123', '0000123', '00000123'])('should accept a serial of %s when it has 6 to 8 digits', (serial) => {
    expect(checkPropertyCertNo(`渝(2021)万州区不动产权第${serial}号`, TODAY).ok).toBe(true)
  })

  it.each(['00123', '000000123'])('should refuse a serial of %s when it is not 6 to 8 digits', (serial) => {
    expect(checkPropertyCertNo(`渝(2021)万州区不动产权第${serial}号`, TODAY)).toEqual({
      ok: false,
      message: expect.stringContaining('6至8位'),
    })
  })

  it.each([1989, 2028])('should refuse the year %i when it is outside 1990 to next year', (year) => {
    expect(checkPropertyCertNo(`渝(${year})万州区不动产权第0000123号`, TODAY)).toEqual({
      ok: false,
      message: '证号括号中的年份应在1990年至2027年之间，请核对',
    })
  })

  it('should accept next year when the certificate is dated one year ahead', () => {
    expect(checkPropertyCertNo('渝(2027)万州区不动产权第0000123号', TODAY).ok).toBe(true)
  })

  it.each([
    '(2021)万州区不动产权第0000123号',
    'CQ(2021)万州区不动产权第0000123号',
    '渝渝(2021)万州区不动产权第0000123号',
    '渝(21)万州区不动产权第0000123号',
    '渝(2021)万州区不动产第0000123号',
    '渝(2021)万州区不动产权第0000123',
  ])('should show the expected shape when the input is %s', (value) => {
    expect(checkPropertyCertNo(value, TODAY)).toEqual({ ok: false, message: expect.stringContaining(CERT) })
  })

  it('should ask for the number when the input is empty', () => {
    expect(checkPropertyCertNo('', TODAY)).toEqual({ ok: false, message: '请输入不动产权证书号' })
  })
})

describe('checkUnitNo', () => {
  it('should accept the public test value and say it is not in Wanzhou when it starts 320684', () => {
    expect(checkUnitNo('320684413219GB00029F00010002')).toEqual({
      ok: true,
      value: { unitNo: '320684413219GB00029F00010002', inWanzhou: false },
    })
  })

  it('should flag a Wanzhou unit when it starts with 500101', () => {
    expect(checkUnitNo('500101001001JC00012F00010003')).toEqual({
      ok: true,
      value: { unitNo: '500101001001JC00012F00010003', inWanzhou: true },
    })
  })

  it('should upper-case and drop spaces when the user typed them', () => {
    const result = checkUnitNo(' 320684 413219 gb00029 f 00010002')
    expect(result.ok && result.value.unitNo).toBe('320684413219GB00029F00010002')
  })

  it('should ask for 28 characters when the length is wrong', () => {
    expect(checkUnitNo('320684413219GB00029F0001000')).toEqual({ ok: false, message: expect.stringContaining('请输入28位') })
  })

  it.each([
    ['a letter among the first 12 digits', '32068441321AGB00029F00010002'],
    ['a first land letter outside G, J, Z', '320684413219AB00029F00010002'],
    ['a digit as the second land letter', '320684413219G100029F00010002'],
    ['a building letter outside F, L, Q, W', '320684413219GB00029A00010002'],
    ['a letter in the last 8 digits', '320684413219GB00029F0001000A'],
  ])('should explain the structure when there is %s', (_label, value) => {
    expect(checkUnitNo(value)).toEqual({ ok: false, message: expect.stringContaining('12位数字') })
  })

  it('should ask for the number when the input is empty', () => {
    expect(checkUnitNo('')).toEqual({ ok: false, message: '请输入不动产单元号' })
  })
})
