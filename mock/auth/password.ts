import crypto from 'node:crypto'

// scrypt, deliberately slow; stored as scrypt$N$r$p$salt$hash (base64).
const N = 16384, R = 8, P = 1, LEN = 32

export function hashPassword(password: string, salt: Buffer = crypto.randomBytes(16)): string {
  const hash = crypto.scryptSync(password, salt, LEN, { N, r: R, p: P })
  return ['scrypt', N, R, P, salt.toString('base64'), hash.toString('base64')].join('$')
}

export function verifyPassword(password: string, stored: string): boolean {
  const [alg, n, r, p, salt, hash] = stored.split('$')
  if (alg !== 'scrypt' || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64')
  const actual = crypto.scryptSync(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p) })
  return crypto.timingSafeEqual(actual, expected)
}
