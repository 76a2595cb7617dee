// Hostile values for the contract fuzzer: odd Unicode, huge strings, out-of-range numbers, invalid dates,
// wrong types, raw JSON tokens JSON.stringify cannot produce, and mutations of a valid sample.
import fc from 'fast-check'

/** Marker that must never come back unescaped in an HTML page. */
export const HTML_MARKER = '<fz-x>'

const ODD_PIECES = [
  '\uD800', '\uDFFF', '\uD83D', 'a\uDC00b', '\u202E', '\u202D', '\u200F', '\u200E', '\u200B', '\u200D', '\u2060', '\uFEFF',
  '\u0000', '\u0007', '\u001B[31m', '\r\n', '\t', '\u3000', '😀', '👨‍👩‍👧‍👦', '🏳️‍🌈', 'e\u0301', 'Z\u0351\u036B\u0343\u036A', '𠮷', '中文', '１２３', '٣',
  HTML_MARKER, '"', "'", '\\', '`', '${x}', '{{7*7}}', '%00', '%s%n', '../', '..\\', '/etc/passwd', 'NaN', 'null', 'undefined',
  'true', '__proto__', 'constructor', 'prototype', 'toString', "' OR '1'='1", '; DROP TABLE application; --',
  'WZ2026112600001', 'WZ20261126000010', '500101138', '2026-11-v1', '13800138000', '110101199003070011',
]

const pieces = fc.array(fc.constantFrom(...ODD_PIECES), { minLength: 1, maxLength: 8 }).map((p) => p.join(''))
const blank = fc.constantFrom('', ' ', '   \t', '\u3000', '\n')

/** `n` characters of a piece repeated (cut anywhere, so a surrogate pair may be split on purpose). */
const repeated = (maxLength: number) =>
  fc.tuple(fc.constantFrom('x', '中', '😀', '\u200B', '\uD800', HTML_MARKER), fc.integer({ min: 1000, max: maxLength }))
    .map(([p, n]) => p.repeat(Math.ceil(n / p.length)).slice(0, n))

/** Strings for JSON bodies: up to 100,000 characters. */
export const hostileString = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 3 },
  { arbitrary: pieces, weight: 4 },
  { arbitrary: blank, weight: 1 },
  { arbitrary: repeated(100_000), weight: 1 },
)

/** Strings that travel in a URL or a form: up to 3,000 characters (the request line must stay under Node's 16 KB header limit). */
export const hostileUrlString = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 3 },
  { arbitrary: pieces, weight: 4 },
  { arbitrary: blank, weight: 1 },
  { arbitrary: repeated(3000), weight: 1 },
)

export const hostileNumber = fc.oneof(
  fc.constantFrom(1e308, -1e308, -1, 0, -0, 0.5, -0.5, 1.5, 2 ** 53 + 2, 2 ** 63, 2 ** 31, -(2 ** 31), 1e-308, 5e-324, Number.MAX_SAFE_INTEGER),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
)

/** Number-like strings: NaN and Infinity spelled out, hex, full-width and Arabic digits, separators. */
export const numberLikeString = fc.constantFrom(
  'NaN', 'Infinity', '-Infinity', '1e308', '1e999', '-1', '0.5', '0x10', '1_000', ' 1 ', '', '１２', '٣', '1,000', '+1', '00', '9'.repeat(400),
)

export const hostileDate = fc.oneof(
  fc.constantFrom(
    '2026-02-30', '2026-13-01', '2026-00-10', '0000-00-00', '9999-12-31', '99999-01-01', '2026-1-1', '2026/11/26', '2026-11',
    '2026-11-26T25:61:00Z', '2026-11-26T02:00:00+25:00', '1970-01-01', '-000001-01-01', 'Invalid Date', '２０２６-１１-２６', '2026-11-26\u0000',
  ),
  fc.date({ noInvalidDate: false }).map((d) => (Number.isNaN(d.getTime()) ? 'Invalid Date' : d.toISOString())),
)

/** Wrong types for any field. */
export const wrongType = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, [], {}, 0, '', [null], { '': null }, [[]]),
  fc.jsonValue({ maxDepth: 2 }),
)

/** A JSON token spliced into the body text as it is: values JSON.stringify cannot write, or nesting too deep to build. */
export class RawJson {
  constructor(readonly text: string) {}
}

const DEEP_LEAVES = ['[]', '{}', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{"x":1}}}', '"x"', '1e999', 'null']
const depth = fc.oneof(fc.constantFrom(100, 5000, 20_000, 100_000), fc.integer({ min: 64, max: 100_000 }))
export const deepNesting = fc.tuple(depth, fc.constantFrom('[', '{"a":'), fc.constantFrom(...DEEP_LEAVES))
  .map(([depth, open, leaf]) => new RawJson(open.repeat(depth) + leaf + (open === '[' ? ']' : '}').repeat(depth)))

export const rawNumberToken = fc.constantFrom('1e999', '-1e999', '1e-999', '-0', '0.000000000000000000000001', '123456789012345678901234567890', '1E308', '4.9e-325')
  .map((t) => new RawJson(t))

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileString, weight: 4 },
  { arbitrary: hostileNumber, weight: 2 },
  { arbitrary: numberLikeString, weight: 1 },
  { arbitrary: hostileDate, weight: 1 },
  { arbitrary: wrongType, weight: 2 },
  { arbitrary: rawNumberToken, weight: 1 },
  { arbitrary: deepNesting, weight: 1 },
)

export const hostileKey = fc.oneof(fc.string({ unit: 'binary', maxLength: 20 }), pieces, fc.constantFrom('__proto__', 'constructor', 'prototype', ''))

type Path = (string | number)[]

/** Every path in a JSON-like value, the root included. */
export function pathsOf(value: unknown, at: Path = []): Path[] {
  const own: Path[] = [at]
  if (Array.isArray(value)) return own.concat(...value.map((v, i) => pathsOf(v, [...at, i])))
  if (value && typeof value === 'object' && !(value instanceof RawJson)) return own.concat(...Object.entries(value).map(([k, v]) => pathsOf(v, [...at, k])))
  return own
}

/** A deep copy that keeps RawJson tokens (generated constants are shared between runs: never change them in place). */
function copy(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(copy)
  if (v && typeof v === 'object' && !(v instanceof RawJson)) {
    const out: Record<string, unknown> = {}
    for (const [k, x] of Object.entries(v)) Object.defineProperty(out, k, { value: copy(x), enumerable: true, configurable: true, writable: true })
    return out
  }
  return v
}

type Op = { kind: 'replace' | 'delete' | 'extra' | 'asString' | 'null'; at: number; key: string; value: unknown }
const op: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom('replace', 'replace', 'replace', 'delete', 'extra', 'asString', 'null'),
  at: fc.nat(),
  key: hostileKey,
  value: hostileValue,
})

function apply(root: unknown, o: Op): unknown {
  const paths = pathsOf(root)
  const path = paths[o.at % paths.length]
  const get = (p: Path) => p.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], root)
  const target = get(path)
  const parent = path.length ? (get(path.slice(0, -1)) as Record<string | number, unknown>) : undefined
  const last = path[path.length - 1]
  const set = (v: unknown) => (parent ? (parent[last] = v, root) : v)
  const value = copy(o.value)
  switch (o.kind) {
    case 'replace': return set(value)
    case 'null': return set(null)
    case 'asString': return set(typeof target === 'object' ? JSON.stringify(target) : String(target))
    case 'delete':
      if (!parent) return undefined
      if (Array.isArray(parent)) parent.splice(Number(last), 1)
      else delete parent[last]
      return root
    case 'extra':
      if (target && typeof target === 'object' && !Array.isArray(target)) {
        Object.defineProperty(target, o.key, { value, enumerable: true, configurable: true, writable: true })
        return root
      }
      return set(value)
  }
}

/** A valid sample with one to three hostile changes: a field replaced, removed, turned into a string, or an extra one added. */
export const mutated = (sample: unknown): fc.Arbitrary<unknown> =>
  fc.array(op, { minLength: 1, maxLength: 3 }).map((ops) => ops.reduce((v, o) => apply(v, o), copy(sample)))

/** A valid sample with a deeply nested value added under a new key of one of its objects (the shape stays valid). */
export const deepened = (sample: unknown): fc.Arbitrary<unknown> =>
  fc.tuple(fc.nat(), fc.constantFrom('x', '__fz'), deepNesting).map(([at, key, deep]) => {
    const root = copy(sample)
    const objects = pathsOf(root).map((p) => p.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], root))
      .filter((v): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof RawJson))
    if (objects.length) objects[at % objects.length][key] = deep
    return root
  })

/** JSON text of a value, with every RawJson spliced in as it is. */
export function toJsonText(value: unknown): string | undefined {
  const raws: string[] = []
  const text = JSON.stringify(value, (_k, v: unknown) => (v instanceof RawJson ? `\u0001RAW${raws.push(v.text) - 1}\u0001` : v))
  return text?.replace(/"\\u0001RAW(\d+)\\u0001"/g, (_m, i: string) => raws[Number(i)])
}

/** Body text that is not JSON, or JSON the API must refuse as a whole. */
export const malformedJson = (sample: unknown): fc.Arbitrary<string> => {
  const valid = toJsonText(sample) ?? '{}'
  return fc.oneof(
    fc.constantFrom('{', '}', '{"a":1,}', '[1,2', 'nul', '\uFEFF{}', '{"a":1}{"b":2}', "{'a':1}", 'undefined', 'NaN', '{"a":NaN}',
      '"\\ud800"', '{"a":"\\u0000"}', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"admin":true}}}', '{"a":1,"a":"dup"}',
      ' ', '\u0000', '{"a":"\\x41"}', '{"a":01}', '{"a":.5}', '{"a":+1}', '{"a":0x10}', '[]', '""', '0', 'true', 'null'),
    fc.nat({ max: Math.max(0, valid.length - 1) }).map((n) => valid.slice(0, n)),
    fc.string({ unit: 'binary', maxLength: 60 }),
  )
}

/** Content types a JSON route may be sent. */
export const oddContentType = fc.constantFrom(
  'text/plain', 'text/plain; charset=utf-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=zz', 'multipart/form-data',
  'application/xml', 'application/json; charset=latin1', 'application/json; charset=utf-16', 'APPLICATION/JSON', 'application/vnd.api+json',
  'application/jsonx', 'application/octet-stream', 'image/png', '*/*', 'application/json, text/plain', ';', 'none',
)

/** Header values as a client can send them (visible Latin-1, no CR/LF/NUL), up to 8 KB. */
export const headerValue = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 80 }),
  fc.string({ unit: fc.integer({ min: 0xa0, max: 0xff }).map((c) => String.fromCharCode(c)), maxLength: 20 }),
  fc.constantFrom('', ' ', 'null', 'undefined', '../../etc/passwd', 'x'.repeat(8000), '%00', '\t', 'Bearer', 'Bearer ', 'bearer abc', 'Basic dXNlcjpwYXNz'),
)

/** Path segments sent as they are (not encoded): odd escapes, dot segments, separators. */
export const rawSegment = fc.constantFrom(
  '%', '%zz', '%E0%A4%A', '%00', '%2e%2e', '..%2F..%2Fetc%2Fpasswd', '%2F', '%5C', ';x', '%3Fa=1', '%23', '%C0%AE%C0%AE', '%FF', '%u0041', 'WZ%2020261126000001',
)

/** The string as UTF-8 carries it: each lone surrogate becomes U+FFFD. */
export const wellFormed = (s: string) => s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')

/** A URL component: UTF-8 percent-encoding, lone surrogates written as U+FFFD (what a server decodes them to). */
export const encode = (s: string) => encodeURIComponent(wellFormed(s))

/** Truncates long strings in a value so a counterexample stays readable. */
export function preview(value: unknown, max = 120): string {
  const text = typeof value === 'string' ? value : (() => { try { return toJsonText(value) ?? String(value) } catch { return String(value) } })()
  return text.length > max ? `${text.slice(0, max)}…(${text.length} chars)` : text
}
