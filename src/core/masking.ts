// Masking of personal information for screens and logs (个人信息保护法 Art. 51).
// No regex look-behind: older mini-program JavaScript engines reject it.

const SURROGATE = /[\uD800-\uDFFF]/

/** Keeps `head` and `tail` characters and stars the middle (everything when the value is that short). */
export function keepEnds(value: string, head: number, tail: number): string {
  // without surrogate pairs every character is one code unit: slicing the string is the same (and no array)
  if (!SURROGATE.test(value)) {
    if (value.length <= head + tail) return '*'.repeat(value.length)
    return value.slice(0, head) + '*'.repeat(value.length - head - tail) + value.slice(-tail)
  }
  const chars = [...value]
  if (chars.length <= head + tail) return '*'.repeat(chars.length)
  return chars.slice(0, head).join('') + '*'.repeat(chars.length - head - tail) + chars.slice(-tail).join('')
}

/** '500101199001011234' -> '5001**********1234' (first 4, last 4; 15- or 18-character numbers). */
export function maskId(id: string): string {
  return keepEnds(id, 4, 4)
}

/** '13800138000' -> '138****8000'. */
export function maskMobile(mobile: string): string {
  return keepEnds(mobile, 3, 4)
}

/** '张三' -> '张*', '欧阳娜娜' -> '欧***'; keeps only the first character. */
export function maskName(name: string): string {
  const chars = [...name.trim()]
  if (chars.length <= 1) return '*'.repeat(chars.length)
  return chars[0] + '*'.repeat(chars.length - 1)
}

// Runs are matched only when no digit touches them (`(^|\D)` … `(?!\d)`), so a longer number — a 13-digit
// millisecond timestamp, an application number — stays readable.
/** An 18-character ID number, also written in 6-8-4 groups with spaces or dashes. */
const ID_18 = /(^|\D)(\d{6}[ -]?\d{8}[ -]?\d{3}[\dXx])(?![\dXx])/g
/** A 15-digit ID number of the first generation (region, YYMMDD, sequence). */
const ID_15 = /(^|\D)(\d{8}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3})(?!\d)/g
/** A mainland mobile, bare, after +86 / 86 / 0086, or in 3-4-4 groups with spaces or dashes. */
const MOBILE = /(^|[^\d+])((?:(?:\+|00)?86[ -]?)?)(1[3-9]\d[ -]?\d{4}[ -]?\d{4})(?!\d)/g

const THREE_DIGITS = /\d{3}/
const digitsOf = (s: string) => s.replace(/[ -]/g, '')

/**
 * Masks every ID number (18 or 15 characters, grouped or not) and every mobile (bare, with a country prefix,
 * or grouped) in arbitrary text; what surrounds them is kept.
 */
export function maskText(text: string): string {
  // every pattern needs three digits in a row: most free text (a stage's opinion, a reason) has none
  if (!THREE_DIGITS.test(text)) return text
  return text
    .replace(ID_18, (_all, before: string, id: string) => before + maskId(digitsOf(id)))
    .replace(ID_15, (_all, before: string, id: string) => before + maskId(id))
    .replace(MOBILE, (_all, before: string, prefix: string, mobile: string) => before + prefix + maskMobile(digitsOf(mobile)))
}
