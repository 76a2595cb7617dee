/** Parses CSV text (RFC 4180 quoting, optional BOM) into rows of cells. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  const s = text.replace(/^\uFEFF/, '')
  for (let i = 0; i < s.length; i++) {
    const c = s[i]
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') { cell += '"'; i++ } else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ',') { row.push(cell); cell = '' } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++
      row.push(cell); rows.push(row); row = []; cell = ''
    } else cell += c
  }
  if (cell !== '' || row.length > 0) { row.push(cell); rows.push(row) }
  return rows
}

/** The case list of the monthly CSV: the rows after the first blank line (the summary block comes first). */
export function caseTable(rows: string[][]): string[][] {
  const blank = rows.findIndex((r) => r.every((c) => c === ''))
  return blank < 0 ? [] : rows.slice(blank + 1).filter((r) => r.some((c) => c !== ''))
}
