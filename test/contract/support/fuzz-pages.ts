// Fuzzing outside the JSON contract: multipart uploads, and the mock 渝快办 pages (HTML, query strings, form posts).
import fs from 'node:fs'
import fc from 'fast-check'
import type { ErrorCode } from '../../../src/contract'
import { uploadSchema } from '../../../src/contract/licences'
import { ROUTES } from '../../../src/contract/routes'
import { sniffMime } from '../../../mock/licences/uploads'
import { CALLBACK, DEMO } from './fixtures'
import type { InProcess } from './in-process'
import { buildQuery, type AuthVariant, type Tokens } from './fuzz-contract'
import { checkRefusal, checkSuccess, fail, printable, type Answer, type FuzzRequest } from './fuzz-http'
import { runCase, RUNS, SEED } from './fuzz-run'
import { encode, headerValue, hostileKey, hostileUrlString, HTML_MARKER, mutated, rawSegment, toJsonText, wellFormed } from './fuzz-values'

const utf8 = (s: string) => Buffer.from(wellFormed(s))
const MAGIC = [Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('%PDF-1.7\n')]

const fileBytes = fc.oneof(
  { arbitrary: fc.constant(Buffer.alloc(0)), weight: 2 },
  { arbitrary: fc.uint8Array({ maxLength: 2048 }).map((b) => Buffer.from(b)), weight: 3 },
  { arbitrary: fc.tuple(fc.constantFrom(...MAGIC), fc.uint8Array({ maxLength: 512 })).map(([m, b]) => Buffer.concat([m, b])), weight: 2 },
  { arbitrary: hostileUrlString.map(utf8), weight: 2 },
  { arbitrary: fc.integer({ min: 50_000, max: 150_000 }).map((n) => Buffer.alloc(n, 0x41)), weight: 1 },
)

interface Part { name: string; filename: string | null; type: string | null; bytes: Buffer }
const part: fc.Arbitrary<Part> = fc.record({
  name: fc.oneof({ arbitrary: fc.constant('file'), weight: 5 }, { arbitrary: hostileKey, weight: 2 }),
  filename: fc.oneof({ arbitrary: fc.constant('photo.jpg'), weight: 3 }, { arbitrary: hostileUrlString, weight: 2 }, { arbitrary: fc.constant(null), weight: 1 }),
  type: fc.oneof({ arbitrary: fc.constant('image/jpeg'), weight: 3 }, { arbitrary: headerValue, weight: 1 }, { arbitrary: fc.constant(null), weight: 1 }),
  bytes: fileBytes,
})

type Framing = 'good' | 'no-boundary' | 'wrong-boundary' | 'truncated' | 'no-closing' | 'json' | 'text' | 'no-type' | 'empty'
const framing = fc.oneof(
  { arbitrary: fc.constant<Framing>('good'), weight: 8 },
  { arbitrary: fc.constantFrom<Framing>('no-boundary', 'wrong-boundary', 'truncated', 'no-closing', 'json', 'text', 'no-type', 'empty'), weight: 4 },
)

function multipart(parts: Part[], boundary: string, closing: boolean): Buffer {
  const chunks: Buffer[] = []
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename === null ? '' : `; filename="${p.filename}"`}`
    chunks.push(utf8(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${p.type === null ? '' : `Content-Type: ${p.type}\r\n`}\r\n`), p.bytes, Buffer.from('\r\n'))
  }
  if (closing) chunks.push(Buffer.from(`--${boundary}--\r\n`))
  return Buffer.concat(chunks)
}

const UPLOAD_REFUSALS: ErrorCode[] = ['VALIDATION_FAILED', 'BAD_REQUEST', 'UPLOAD_EMPTY', 'UPLOAD_TOO_LARGE', 'UPLOAD_TYPE', 'UPLOAD_DIMENSIONS', 'UPLOAD_QUOTA', 'UNSUPPORTED_MEDIA_TYPE', 'PAYLOAD_TOO_LARGE']
const TRANSPORT: ErrorCode[] = ['BAD_REQUEST', 'UNSUPPORTED_MEDIA_TYPE', 'PAYLOAD_TOO_LARGE']

interface UploadCase extends FuzzRequest { auth: AuthVariant; sniffable: boolean }

const uploadCases = (tokens: Tokens): fc.Arbitrary<UploadCase> => fc.record({
  auth: fc.oneof({ arbitrary: fc.constant<AuthVariant>('valid'), weight: 6 }, { arbitrary: fc.constantFrom<AuthVariant>('none', 'garbage', 'wrongKind'), weight: 3 }),
  garbage: headerValue,
  parts: fc.array(part, { maxLength: 3 }),
  framing,
  cut: fc.nat(),
}).map(({ auth, garbage, parts, framing: f, cut }) => {
  const boundary = '----fuzz7MA4YWxkTrZu0gW'
  const headers: Record<string, string> = {}
  if (auth === 'valid') headers.authorization = `Bearer ${tokens.valid()}`
  if (auth === 'wrongKind') headers.authorization = `Bearer ${tokens.wrongKind()}`
  if (auth === 'garbage') headers.authorization = `Bearer ${garbage}`
  let body: Buffer = multipart(parts, boundary, f !== 'no-closing')
  headers['content-type'] = `multipart/form-data; boundary=${boundary}`
  if (f === 'no-boundary') headers['content-type'] = 'multipart/form-data'
  if (f === 'wrong-boundary') headers['content-type'] = 'multipart/form-data; boundary=not-the-one'
  if (f === 'truncated') body = body.subarray(0, body.length ? cut % body.length : 0)
  if (f === 'json') { headers['content-type'] = 'application/json'; body = Buffer.from('{"file":"AAAA"}') }
  if (f === 'text') headers['content-type'] = 'text/plain'
  if (f === 'no-type') delete headers['content-type']
  if (f === 'empty') body = Buffer.alloc(0)
  return printable<UploadCase>({
    method: ROUTES.upload.method, path: ROUTES.upload.path, headers, body, auth,
    sniffable: parts.some((p) => sniffMime(p.bytes) !== undefined),
    note: `auth=${auth} framing=${f} parts=${parts.map((p) => `${p.name.slice(0, 20)}:${p.bytes.length}`).join(',')}`,
  })
})

const filesIn = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).length : 0)

/** Multipart uploads: broken framing, odd field and file names, empty, untyped and large files, every kind of caller. */
export async function fuzzMultipart(s: InProcess, tokens: Tokens, uploadsDir: string): Promise<void> {
  const route = `${ROUTES.upload.method} ${ROUTES.upload.path}`
  await fc.assert(fc.asyncProperty(uploadCases(tokens), async (c) => {
    const files = filesIn(uploadsDir)
    let refused = false
    await runCase(s, route, c, (a) => {
      refused = a.status >= 400
      if (a.status < 300) {
        if (c.auth !== 'valid' || !c.sniffable) fail('accepted an upload the contract refuses', c, a)
        checkSuccess(c, a, uploadSchema)
        return '00'
      }
      const allowed = c.auth === 'valid' ? UPLOAD_REFUSALS : [c.auth === 'wrongKind' ? 'FORBIDDEN' : 'UNAUTHENTICATED', ...TRANSPORT] as ErrorCode[]
      return checkRefusal(c, a, allowed)
    })
    if (refused && filesIn(uploadsDir) !== files) throw new Error(`a refused upload left a file in the uploads folder: ${c.note}`)
  }), { numRuns: RUNS * 3, seed: SEED })
}

interface PageRoute {
  method: 'GET' | 'POST'
  path: string
  /** a valid query (GET) or form (POST) */
  sample: Record<string, string>
  /** the route's path parameter, if any */
  param?: string
}

export const PAGE_ROUTES: PageRoute[] = [
  { method: 'GET', path: '/ykb/authorize', sample: { redirect_uri: CALLBACK, state: 'st-1', scope: 'base,user,mobile' } },
  { method: 'POST', path: '/ykb/authorize', sample: { redirect_uri: CALLBACK, state: 'st-1', scope: 'base,user,mobile', identity: DEMO.li, decision: 'allow' } },
  { method: 'GET', path: '/ykb/mini-callback', sample: { code: 'abc123', state: 'st-1' } },
  { method: 'GET', path: '/ykb/licence-show', sample: { identity: DEMO.wang, kind: 'id-card' } },
  { method: 'POST', path: '/ykb/licence-show/codes', sample: { identity: DEMO.wang, kind: 'property' } },
  { method: 'POST', path: '/ykb/licence-show/requests/:txnId', sample: { decision: 'refuse', kind: 'id-card' }, param: 'txn_unknown' },
  { method: 'GET', path: '/ykb/paper-qr', sample: { identity: DEMO.li } },
  { method: 'GET', path: '/ykb/sms', sample: {} },
  { method: 'GET', path: '/ykb/', sample: {} },
]

type FormEncoding = 'form' | 'json' | 'text' | 'multipart' | 'junk' | 'oversize'
const encoding = fc.oneof(
  { arbitrary: fc.constant<FormEncoding>('form'), weight: 8 },
  { arbitrary: fc.constantFrom<FormEncoding>('json', 'text', 'multipart', 'junk', 'oversize'), weight: 3 },
)
const junkForm = fc.constantFrom('%', '%zz=1', '=&=&', '&&&', 'a=%E0%A4%A', 'redirect_uri', '\u0000=\u0000', 'a[b][c]=1', '__proto__[x]=1')

const PAGE_STATUSES = [200, 204, 302, 303, 400, 404, 409, 413, 415]

/** Hostile query strings and form posts for one mock 渝快办 page. */
export async function fuzzPages(s: InProcess, r: PageRoute): Promise<void> {
  const origin = new URL(s.url).host
  const cases = fc.record({
    fields: fc.oneof({ arbitrary: mutated(r.sample), weight: 6 }, { arbitrary: fc.constant<unknown>(r.sample), weight: 1 }),
    encoding: r.method === 'POST' ? encoding : fc.constant<FormEncoding>('form'),
    junk: junkForm,
    param: fc.oneof(fc.constant(r.param ?? ''), hostileUrlString.filter((p) => !['', '.', '..'].includes(p)).map(encode), rawSegment),
  }).map(({ fields, encoding: enc, junk, param }) => {
    const q = buildQuery(fields)
    const path = r.param ? r.path.replace(/:\w+/, param) : r.path
    const headers: Record<string, string> = {}
    let body: string | Buffer | undefined
    if (r.method === 'POST') {
      headers['content-type'] = 'application/x-www-form-urlencoded'
      body = q.text
      if (enc === 'json') { headers['content-type'] = 'application/json'; body = toJsonText(fields) ?? '' }
      if (enc === 'text') headers['content-type'] = 'text/plain'
      if (enc === 'multipart') headers['content-type'] = 'multipart/form-data; boundary=zz'
      if (enc === 'junk') body = junk
      if (enc === 'oversize') body = `${q.text}&pad=${'a'.repeat(5000)}`
    }
    return printable<FuzzRequest>({ method: r.method, path, query: r.method === 'GET' ? q.text || undefined : undefined, headers, body, note: `encoding=${enc}` })
  })
  const check = (c: FuzzRequest, a: Answer): string | undefined => {
    if (!PAGE_STATUSES.includes(a.status)) fail(`unexpected status ${a.status}`, c, a)
    if (a.status >= 300 && a.status < 400) {
      if (!a.location || new URL(a.location, s.url).host !== origin) fail(`redirect leaves this server: ${a.location}`, c, a)
      return undefined
    }
    if (a.contentType.startsWith('application/json')) {
      if (a.status < 400) fail('a page answered JSON', c, a)
      return checkRefusal(c, a, 'any')
    }
    if (a.text.includes(HTML_MARKER)) fail('the page shows input unescaped', c, a)
    return undefined
  }
  await fc.assert(fc.asyncProperty(cases, (c) => runCase(s, `${r.method} ${r.path}`, c, (a) => check(c, a))), { numRuns: RUNS, seed: SEED })
}
