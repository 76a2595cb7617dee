import type { FastifyServerOptions } from 'fastify'
import { maskText } from '../src/core/masking'

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

/**
 * Structured JSON logs (pino, through Fastify). Every string that reaches a log line — messages, URLs,
 * objects — goes through maskText, so ID numbers and mobiles never appear in full.
 */
export function loggerOptions(level: string, stream?: { write: (line: string) => void }): FastifyServerOptions['logger'] {
  if (level === 'silent') return false
  return {
    level,
    ...(stream ? { stream } : {}),
    serializers: {
      req: (req) => ({ method: req.method, url: maskText(String(req.url ?? '')), remote: req.ip }),
    },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((a) => maskDeep(a)) as Parameters<typeof method>)
      },
    },
  }
}
