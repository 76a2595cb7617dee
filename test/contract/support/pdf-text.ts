// Reads back what text-pdf.ts writes: the text of each `<hex> Tj` in order, and whether the cross-reference table
// points at every object (a reader trusts those offsets).

/** The text lines of a PDF written by mock/pdf/text-pdf.ts, in drawing order. */
export function pdfLines(pdf: Buffer): string[] {
  const text = pdf.toString('latin1')
  return [...text.matchAll(/<([0-9A-F]+)> Tj/g)].map((m) => {
    const hex = m[1]
    let line = ''
    for (let i = 0; i < hex.length; i += 4) line += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16))
    return line
  })
}

/** Every xref entry points at "N 0 obj" for its own N, and startxref at the xref table. */
export function xrefIsSound(pdf: Buffer): boolean {
  const text = pdf.toString('latin1')
  const start = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1] ?? -1)
  if (!text.startsWith('xref\n', start)) return false
  const entries = [...text.slice(start).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]))
  return entries.length > 0 && entries.every((offset, i) => text.startsWith(`${i + 1} 0 obj\n`, offset))
}
