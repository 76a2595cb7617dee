// A small PDF 1.4 writer for plain Chinese text documents (the signed contract). Chinese is set in Adobe's standard
// CJK font STSong-Light (Adobe-GB1, UniGB-UCS2-H), ASCII (numbers, the digest) in Courier, one of the 14 standard
// fonts: readers supply both, so no font file is embedded and no dependency is needed, and both have fixed widths
// (1 em and 0.6 em), so lines are wrapped exactly to the A4 width and flow onto as many pages as they need.

export interface PdfParagraph {
  text: string
  /** font size in points; 11 unless given */
  size?: number
  /** extra space above, in points */
  gapBefore?: number
}

const PAGE = { width: 595, height: 842, margin: 56 }
const LINE_HEIGHT = 1.55

const isAscii = (ch: string) => ch.charCodeAt(0) < 0x80
/** Courier is 0.6 em wide, the CJK font's glyphs 1 em. */
const advance = (ch: string, size: number): number => (isAscii(ch) ? size * 0.6 : size)

/** Splits a paragraph into lines that fit `width` points at `size`. */
export function wrap(text: string, size: number, width: number): string[] {
  const lines: string[] = []
  let line = ''
  let used = 0
  for (const ch of text) {
    const w = advance(ch, size)
    if (used + w > width && line) {
      lines.push(line)
      line = ''
      used = 0
    }
    line += ch
    used += w
  }
  if (line || lines.length === 0) lines.push(line)
  return lines
}

/** UCS-2 big-endian hex, the encoding UniGB-UCS2-H reads; a character outside the BMP becomes a full-width ？. */
export function ucs2Hex(text: string): string {
  let hex = ''
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0xff1f
    hex += (code > 0xffff ? 0xff1f : code).toString(16).padStart(4, '0')
  }
  return hex.toUpperCase()
}

/** A PDF literal string for Courier: printable ASCII with ( ) \\ escaped. */
const literal = (text: string) => `(${text.replace(/[()\\]/g, (c) => `\\${c}`)})`

/** One line as show-text operators: runs of ASCII in Courier (/F2), the rest in the CJK font (/F1). */
function showLine(text: string, size: number): string {
  const runs = text.match(/[\x20-\x7e]+|[^\x20-\x7e]+/g) ?? []
  return runs.map((run) => (isAscii(run[0]) ? `/F2 ${size} Tf ${literal(run)} Tj` : `/F1 ${size} Tf <${ucs2Hex(run)}> Tj`)).join(' ')
}

interface Placed { text: string; size: number; y: number }

function layout(paragraphs: PdfParagraph[]): Placed[][] {
  const pages: Placed[][] = [[]]
  const width = PAGE.width - 2 * PAGE.margin
  let y = PAGE.height - PAGE.margin
  for (const p of paragraphs) {
    const size = p.size ?? 11
    y -= p.gapBefore ?? 0
    for (const text of wrap(p.text, size, width)) {
      y -= size * LINE_HEIGHT
      if (y < PAGE.margin) {
        pages.push([])
        y = PAGE.height - PAGE.margin - size * LINE_HEIGHT
      }
      pages[pages.length - 1].push({ text, size, y })
    }
  }
  return pages
}

/** A PDF of the paragraphs, with `title` in its document information. */
export function textPdf(title: string, paragraphs: PdfParagraph[]): Buffer {
  const pages = layout(paragraphs)
  const objects: string[] = []
  const add = (body: string) => objects.push(body) // object number = index + 1
  const firstPage = 7
  add('<< /Type /Catalog /Pages 2 0 R >>')
  add(`<< /Type /Pages /Count ${pages.length} /Kids [${pages.map((_, i) => `${firstPage + 2 * i} 0 R`).join(' ')}] >>`)
  add('<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>')
  add('<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> ' +
    '/FontDescriptor 5 0 R /DW 1000 >>')
  add('<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>')
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>')
  for (const lines of pages) {
    const content = lines.map((l) => `BT 1 0 0 1 ${PAGE.margin} ${l.y.toFixed(2)} Tm ${showLine(l.text, l.size)} ET`).join('\n')
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE.width} ${PAGE.height}] /Resources << /Font << /F1 3 0 R /F2 6 0 R >> >> /Contents ${objects.length + 2} 0 R >>`)
    add(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`)
  }
  add(`<< /Title <FEFF${ucs2Hex(title)}> /Producer (wanzhou-bandian) >>`)
  const info = objects.length
  let out = '%PDF-1.4\n%\xE2\xE3\xCF\xD3\n'
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'))
    out += `${i + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = Buffer.byteLength(out, 'latin1')
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${info} 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(out, 'latin1')
}
