import { makeLicenceId, mod37_36CheckChar, parseLicenceId } from '@/core/validators'

const EXAMPLES = [
  '1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F',
  '1.2.156.3005.2.11100000000013338W009.11330105002500287C.2025052201.002.0',
]
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'

describe('mod37_36CheckChar', () => {
  it('should reproduce the check characters of both public examples', () => {
    expect(mod37_36CheckChar('11100000000013338W03211220000013544541J2430599001')).toBe('F')
    expect(mod37_36CheckChar('11100000000013338W00911330105002500287C2025052201002')).toBe('0')
  })

  it('should throw when the body has a character outside 0-9A-Z', () => {
    expect(() => mod37_36CheckChar('12-3')).toThrow()
  })
})

describe('parseLicenceId', () => {
  it('should split the first public example into its parts', () => {
    expect(parseLicenceId(EXAMPLES[0])).toEqual({
      ok: true,
      value: {
        typeCode: '11100000000013338W032',
        issuerCode: '11220000013544541J',
        serial: '2430599',
        version: '001',
        check: 'F',
      },
    })
  })

  it('should accept the second public example', () => {
    const result = parseLicenceId(EXAMPLES[1])
    expect(result.ok && result.value.serial).toBe('2025052201')
  })

  it('should accept lower case and stray spaces when the identifier was pasted', () => {
    expect(parseLicenceId(` ${EXAMPLES[0].toLowerCase()} `).ok).toBe(true)
  })

  it.each(EXAMPLES)('should fail when any single character of %s is changed', (id) => {
    for (let i = 0; i < id.length; i += 1) {
      const current = id[i]
      const others = current === '.' ? ['1', 'A'] : [...ALPHABET, '.'].filter((ch) => ch !== current)
      for (const replacement of others) {
        const changed = id.slice(0, i) + replacement + id.slice(i + 1)
        expect({ changed, ok: parseLicenceId(changed).ok }).toEqual({ changed, ok: false })
      }
    }
  })

  it('should report the wrong check character when only the last character is changed', () => {
    expect(parseLicenceId(EXAMPLES[0].replace(/F$/, 'G'))).toEqual({ ok: false, message: expect.stringContaining('校验位不正确') })
  })

  it.each([
    ['', '请输入电子证照标识'],
    ['1.2.156.3005.3.11100000000013338W032.11220000013544541J.2430599.001.F', '开头'],
    ['1.2.156.3005.2.11100000000013338W032.11220000013544541J.001.F', '格式应为'],
    ['1.2.156.3005.2.11100000000013338W03.11220000013544541J.2430599.001.F', '证照类型代码'],
    ['1.2.156.3005.2.11100000000013338W032.1122000001354454IJ.2430599.001.F', '颁发机构代码'],
    ['1.2.156.3005.2.11100000000013338W032.11220000013544541J..001.F', '流水号'],
    ['1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.01.F', '版本号'],
    ['1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.FF', '校验位应为1位'],
  ])('should say what is wrong when the identifier is %s', (id, fragment) => {
    expect(parseLicenceId(id)).toEqual({ ok: false, message: expect.stringContaining(fragment) })
  })
})

describe('makeLicenceId', () => {
  it('should rebuild both public examples from their parts', () => {
    expect(makeLicenceId('11100000000013338W032', '11220000013544541J', '2430599', '001')).toBe(EXAMPLES[0])
    expect(makeLicenceId('11100000000013338W009', '11330105002500287C', '2025052201', '002')).toBe(EXAMPLES[1])
  })

  it('should build an identifier that parses when seeding an ID-card licence', () => {
    const id = makeLicenceId('11100000000013127D001', '11500000MB1234567X', '500101202600001', '001')
    expect(parseLicenceId(id).ok).toBe(true)
  })

  it('should throw when a part is malformed', () => {
    expect(() => makeLicenceId('short', '11220000013544541J', '2430599', '001')).toThrow('证照类型代码')
    expect(() => makeLicenceId('11100000000013338W032', '11220000013544541J', '2430599', '1')).toThrow('版本号')
  })
})
