import { Readable } from 'node:stream'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { z } from 'zod'
import { OK_CODE, type Endpoint } from '../../src/contract'
import { AppError } from './app-error'
import { toFieldErrors } from './zod-errors'
import { bearer, type Principal, type Sessions } from '../auth/sessions'

type Infer<T> = T extends z.ZodType ? z.output<T> : undefined

export interface Ctx<E extends Endpoint> {
  body: Infer<E['body']>
  query: Infer<E['query']>
  params: Infer<E['params']>
  req: FastifyRequest
  reply: FastifyReply
  /** the signed-in principal; present whenever the endpoint's auth is not 'none' */
  user: E['auth'] extends 'none' | 'signed' ? Principal | undefined : Principal
}

/** A raw endpoint may also answer a file as a stream or a buffer, sent as it is (a schema cannot describe the bytes). */
type Answer<E extends Endpoint> = z.input<E['response']> | (E['raw'] extends true ? Readable | Buffer : never)
export type Handler<E extends Endpoint> = (ctx: Ctx<E>) => Promise<Answer<E>> | Answer<E>

export interface RouteOptions {
  /** Validate every response against the contract (on in tests and development). */
  checkResponses: boolean
  sessions: Sessions
  /**
   * A read route's snapshot (readSnapshot on the server's database): the session lookup and a synchronous handler
   * then read in one read transaction, which takes SQLite's WAL read lock once per request instead of twice (a
   * lock and its release are syscalls, as much as one of a detail read's small queries costs).
   */
  snapshot?: <T>(read: () => T) => T
}

function parse<S extends z.ZodType | undefined>(schema: S, value: unknown, where: 'body' | 'query' | 'params') {
  if (!schema) return undefined
  const result = schema.safeParse(value ?? (where === 'body' ? undefined : {}))
  if (!result.success) throw new AppError('VALIDATION_FAILED', undefined, toFieldErrors(result.error, where))
  return result.data
}

/** The handler's answer to one request, once its caller is known and its input valid. */
function answer<E extends Endpoint>(e: E, handler: Handler<E>, opts: RouteOptions, req: FastifyRequest, reply: FastifyReply) {
  // Authenticate first: an anonymous caller learns nothing from validation messages.
  const user = e.auth === 'none' || e.auth === 'signed' ? undefined : opts.sessions.resolve(bearer(req), e.auth)
  const ctx = {
    user,
    body: parse(e.body, req.body, 'body'),
    query: parse(e.query, req.query, 'query'),
    params: parse(e.params, req.params, 'params'),
    req,
    reply,
  } as Ctx<E>
  return handler(ctx)
}

/** Registers one contract endpoint: validates the request with its schemas and wraps the answer in the envelope. */
export function route<E extends Endpoint>(app: FastifyInstance, e: E, handler: Handler<E>, opts: RouteOptions): void {
  app.route({
    method: e.method,
    url: e.path,
    handler: async (req, reply) => {
      const data = await (opts.snapshot ? opts.snapshot(() => answer(e, handler, opts, req, reply)) : answer(e, handler, opts, req, reply))
      if (data instanceof Readable || Buffer.isBuffer(data)) return data
      if (opts.checkResponses) {
        const check = e.response.safeParse(data)
        if (!check.success) {
          req.log.error({ issues: check.error.issues }, `response of ${e.method} ${e.path} breaks the contract`)
          throw new Error('response breaks the contract')
        }
      }
      return e.raw ? data : { code: OK_CODE, msg: '成功', data }
    },
  })
}
