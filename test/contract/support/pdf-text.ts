// Reads back what text-pdf.ts writes: the text of each line in order, and whether the cross-reference table
// points at every object (a reader trusts those offsets).

const fromHex = (hex: string) => {
  let out = ''
  for (let i = 0; i < hex.length; i += 4) out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16))
  return out
}
const fromLiteral = (lit: string) => lit.replace(/\\([()\\])/g, '$1')

/** The text lines of a PDF written by mock/pdf/text-pdf.ts (one BT…ET each; CJK runs in hex, ASCII runs as literals), in drawing order. */
export function pdfLines(pdf: Buffer): string[] {
  return [...pdf.toString('latin1').matchAll(/BT (.*?) ET/g)].map((line) =>
    [...line[1].matchAll(/<([0-9A-F]+)> Tj|\(((?:\\.|[^\\)])*)\) Tj/g)].map((m) => (m[1] !== undefined ? fromHex(m[1]) : fromLiteral(m[2]))).join(''))
}

/** Every xref entry points at "N 0 obj" for its own N, and startxref at the xref table. */
export function xrefIsSound(pdf: Buffer): boolean {
  const text = pdf.toString('latin1')
  const start = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1] ?? -1)
  if (!text.startsWith('xref\n', start)) return false
  const entries = [...text.slice(start).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]))
  return entries.length > 0 && entries.every((offset, i) => text.startsWith(`${i + 1} 0 obj\n`, offset))
}
