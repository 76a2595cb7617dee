// Masking of personal information for screens and logs (个人信息保护法 Art. 51).
// No regex look-behind: older mini-program JavaScript engines reject it.

/** Keeps `head` and `tail` characters and stars the middle (everything when the value is that short). */
export function keepEnds(value: string, head: number, tail: number): string {
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

const ID_RUN = /\d{17}[\dXx]/g
const MOBILE_RUN = /(^|\D)(1[3-9]\d{9})(?!\d)/g

/**
 * Masks every ID-number-shaped run (17 digits + digit or X) and every mobile-shaped run that is not
 * part of a longer digit run (so 13-digit millisecond timestamps stay readable) in arbitrary text.
 */
export function maskText(text: string): string {
  return text.replace(ID_RUN, maskId).replace(MOBILE_RUN, (_all, before: string, mobile: string) => before + maskMobile(mobile))
}
