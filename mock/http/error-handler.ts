import http from 'node:http'
import type { Socket } from 'node:net'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { ERRORS, type ErrorCode, type ErrorEnvelope } from '../../src/contract'
import { AppError } from './app-error'

function envelope(code: ErrorCode, msg?: string, errors?: ErrorEnvelope['errors']): ErrorEnvelope {
  return { code, msg: msg ?? ERRORS[code].msg, data: null, ...(errors ? { errors } : {}) }
}

/** Maps Fastify's own failures (bad JSON, too large, wrong content type) to documented codes. */
function fromFastify(err: FastifyError): ErrorCode {
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return 'PAYLOAD_TOO_LARGE'
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'UNSUPPORTED_MEDIA_TYPE'
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return 'BAD_REQUEST'
    default:
      return err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? 'BAD_REQUEST' : 'INTERNAL'
  }
}

/** Every failure leaves in the envelope with a documented code; no stack trace ever reaches the client. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    if (err instanceof AppError) {
      return reply.status(err.http).send(envelope(err.code, err.message, err.errors))
    }
    const code = fromFastify(err as FastifyError)
    if (code === 'INTERNAL') req.log.error({ err }, 'unhandled error')
    else req.log.info({ code: (err as FastifyError).code }, 'request refused')
    return reply.status(ERRORS[code].http).send(envelope(code))
  })
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/')) return reply.status(404).send(envelope('NOT_FOUND'))
    return reply.status(404).type('text/plain; charset=utf-8').send('404 未找到')
  })
}

/**
 * Fastify's router refusals before any route runs (a malformed percent-escape, a path parameter over 100
 * characters): the `frameworkErrors` server option, so they too leave in the envelope.
 */
export function frameworkErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  req.log.info({ code: err.code }, 'request refused')
  void reply.status(ERRORS.BAD_REQUEST.http).send(envelope('BAD_REQUEST'))
}

/**
 * Requests Node's HTTP parser refuses (headers or URL over 16 KB, malformed HTTP): the `clientErrorHandler`
 * server option, answering in the envelope on the raw socket instead of Fastify's own JSON.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return
  const code: ErrorCode = err.code === 'HPE_HEADER_OVERFLOW' ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST'
  const status = ERRORS[code].http
  const body = JSON.stringify(envelope(code))
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n`
      + `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`)
  }
  socket.destroy(err)
}
