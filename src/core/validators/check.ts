/**
 * Result of checking one user input. Messages are in Chinese and say what to do,
 * so a form can show them unchanged in its error summary and next to the field.
 * A `warning` means the value is accepted but the user should confirm it.
 */
export type Check<T = string> = { ok: true; value: T; warning?: string } | { ok: false; message: string }

export function pass<T>(value: T, warning?: string): Check<T> {
  return warning === undefined ? { ok: true, value } : { ok: true, value, warning }
}

export function fail<T = never>(message: string): Check<T> {
  return { ok: false, message }
}

/** Removes all white space, including the full-width space (U+3000). */
export function stripSpaces(raw: string): string {
  return raw.replace(/[\s\u3000]+/g, '')
}

/** Turns full-width digits and Latin letters (Ａ, １) into their half-width forms. */
export function toHalfWidth(raw: string): string {
  return raw.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
}
