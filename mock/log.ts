import crypto from 'node:crypto'
import type { FastifyServerOptions } from 'fastify'
import { maskName, maskText } from '../src/core/masking'

/** Every string inside a value (objects, arrays, errors) through maskText. */
export function maskDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskText(value)
  if (depth > 6 || value === null || typeof value !== 'object') return value
  if (value instanceof Error) return { type: value.name, message: maskText(value.message), stack: value.stack && maskText(value.stack) }
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, depth + 1))
  // Class instances (requests, replies) are left to their serializers below.
  const proto = Object.getPrototypeOf(value)
  if (proto !== Object.prototype && proto !== null) return value
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) out[k] = maskDeep(v, depth + 1)
  return out
}

/** A run of Chinese characters: in a query value it is a name (a staff search by 姓名) until proven otherwise. */
const HAN_RUN = /[\u3400-\u9fff]+/g

/**
 * A request URL as logged: the path through maskText, and every query value decoded, its mobiles and ID
 * numbers masked and any Chinese text cut to its first character (a name searched for never reaches a log).
 */
export function maskUrl(url: string): string {
  const at = url.indexOf('?')
  if (at < 0) return maskText(url)
  const params = new URLSearchParams(url.slice(at + 1))
  const masked = [...params].map(([k, v]) => `${encodeURIComponent(maskText(k))}=${maskText(v).replace(HAN_RUN, maskName)}`)
  return `${maskText(url.slice(0, at))}?${masked.join('&')}`
}

/** The id of each request, in every log line it causes and in its X-Request-Id header; never taken from the client. */
/** Random bytes for request ids, drawn 4 KiB at a time: one call into the system's generator per 512 requests. */
const ID_POOL_BYTES = 4096
const idPool = { bytes: Buffer.alloc(0), next: 0 }

export const newRequestId = (): string => {
  if (idPool.next + 8 > idPool.bytes.length) {
    idPool.bytes = crypto.randomBytes(ID_POOL_BYTES)
    idPool.next = 0
  }
  idPool.next += 8
  return idPool.bytes.toString('hex', idPool.next - 8, idPool.next)
}

/** The reqId of lines logged outside any request (start-up, the orphan sweep). */
export const SERVER_REQ_ID = 'server'

/**
 * Structured JSON logs (pino, through Fastify). Every string that reaches a log line — messages, URLs,
 * objects — goes through maskText, so ID numbers and mobiles never appear in full; every line carries a reqId.
 */
export function loggerOptions(level: string, stream?: { write: (line: string) => void }): FastifyServerOptions['logger'] {
  if (level === 'silent') return false
  return {
    level,
    ...(stream ? { stream } : {}),
    serializers: {
      req: (req) => ({ method: req.method, url: maskUrl(String(req.url ?? '')), remote: req.ip }),
    },
    // a request's child logger binds its own reqId; everything else is the server's
    mixin: (_obj, _level, logger) => ('reqId' in logger.bindings() ? {} : { reqId: SERVER_REQ_ID }),
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((a) => maskDeep(a)) as Parameters<typeof method>)
      },
    },
  }
}
