import { textPdf, ucs2Hex, wrap } from '../../../mock/pdf/text-pdf'
import { pdfLines, xrefIsSound } from '../../contract/support/pdf-text'

describe('text-pdf', () => {
  it('should wrap Chinese at 1 em and ASCII (Courier) at 0.6 em, never losing a character', () => {
    expect(wrap('供用电合同', 10, 30)).toEqual(['供用电', '合同'])
    expect(wrap('abcde', 10, 30)).toEqual(['abcde'])
    expect(wrap('abcdefg', 10, 30)).toEqual(['abcde', 'fg'])
    expect(wrap('', 10, 30)).toEqual([''])
  })

  it('should encode text as UCS-2 big-endian hex, a character beyond the BMP as ？', () => {
    expect(ucs2Hex('A瀼')).toBe('0041703C')
    expect(ucs2Hex('😀')).toBe('FF1F')
  })

  it('should flow long text onto further pages with a sound cross-reference table and read back line by line', () => {
    const long = Array.from({ length: 120 }, (_, i) => ({ text: `第${i + 1}行：用电地址重庆市万州区瀼渡镇 (a\\b) WZ2026` }))
    const pdf = textPdf('测试', long)
    const text = pdf.toString('latin1')
    expect(Number(/\/Count (\d+)/.exec(text)?.[1])).toBeGreaterThan(1)
    expect(xrefIsSound(pdf)).toBe(true)
    expect(pdfLines(pdf)).toEqual(long.map((l) => l.text))
  })
})
