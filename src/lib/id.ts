/** A random id for idempotency keys and the like (no crypto API on every mini-program runtime). */
export function randomId(prefix = ''): string {
  let s = ''
  for (let i = 0; i < 4; i++) s += Math.floor(Math.random() * 0x100000000).toString(36).padStart(7, '0')
  return prefix + Date.now().toString(36) + s
}
