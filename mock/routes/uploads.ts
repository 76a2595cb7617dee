import type { FastifyInstance, FastifyRequest } from 'fastify'
import { endpoints } from '../../src/contract'
import { getUser, identityOf, requireConsent } from '../auth/users'
import { requireOwnId } from '../licences/own-id'
import { AppError, fieldError } from '../http/app-error'
import { route, type RouteOptions } from '../http/route'
import type { LicenceDeps } from '../licences/deps'
import { photoIdCard, photoProperty } from '../licences/photo-materials'
import { MAX_UPLOAD_BYTES, ownUpload, saveUpload } from '../licences/uploads'
import { ocrResult, recogniseIdCard } from '../ocr/recognise'

/**
 * Options for @fastify/multipart: one file; one byte over the limit is read so "too large" can be told apart.
 * Taro.uploadFile sends the file alone, so a few short text fields are plenty: without these bounds a form of
 * a thousand 1 MB fields would be held in memory (fields beyond them answer PAYLOAD_TOO_LARGE).
 */
export const MULTIPART_LIMITS = { limits: { files: 1, fileSize: MAX_UPLOAD_BYTES + 1, fields: 5, fieldSize: 1024, parts: 6 } }

/**
 * How long parsing may go on once the whole body is in. The multipart parser (busboy) can fall silent for good on
 * a malformed part header (a bare line feed in a file name, in a body of more than one chunk; found by the fuzz
 * test): such a request is malformed, not pending, and must not hold its connection until the server's timeout.
 */
const PARSE_AFTER_BODY_MS = 5000

function unlessStalled<T>(req: FastifyRequest, work: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined
    const stalled = () => { timer ??= setTimeout(() => reject(new AppError('BAD_REQUEST')), PARSE_AFTER_BODY_MS) }
    // the whole body is in when its declared length has arrived; a parser that stops reading pauses the stream
    // before its end event, so counting is the sure sign (the end event serves a body without a length)
    const length = Number(req.headers['content-length'] ?? Number.NaN)
    let received = 0
    const onData = (chunk: Buffer) => { received += chunk.length; if (received >= length) stalled() }
    req.raw.on('data', onData)
    req.raw.once('end', stalled)
    work().then(resolve, reject).finally(() => {
      clearTimeout(timer)
      req.raw.off('data', onData)
      req.raw.off('end', stalled)
    })
  })
}

/** The bytes of the multipart field `file` (as Taro.uploadFile sends it). */
async function fileBytes(req: FastifyRequest): Promise<Buffer> {
  const noFile = () => fieldError('file', '请选择要上传的照片或PDF文件')
  if (!req.isMultipart()) throw noFile()
  try {
    const part = await unlessStalled(req, async () => {
      const file = await req.file()
      return file && { fieldname: file.fieldname, bytes: await file.toBuffer() }
    })
    if (!part) throw noFile()
    if (part.fieldname !== 'file') throw noFile()
    return part.bytes
  } catch (err) {
    if (err instanceof AppError) throw err
    const { code, statusCode } = err as { code?: string; statusCode?: number }
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('UPLOAD_TOO_LARGE')
    // the multipart plugin's own refusals (limits) carry a status the error handler maps; what its parser
    // throws without one (no boundary, body cut short, …) is a malformed body, not a server fault
    if (statusCode) throw err
    throw new AppError('BAD_REQUEST')
  }
}

/** Uploads, ID-card OCR, and photos standing in for licences (reviewed by staff). */
export function uploadRoutes(app: FastifyInstance, deps: LicenceDeps, opts: RouteOptions): void {
  route(app, endpoints.upload, async ({ user, req }) => {
    requireConsent(deps.db, user.id)
    return saveUpload(deps, user.id, req.ip, await fileBytes(req))
  }, opts)

  route(app, endpoints.ocrIdCard, ({ user, body }) => {
    const upload = ownUpload(deps, body.uploadId, user.id)
    const now = deps.now()
    const ocr = recogniseIdCard(upload.sha256, body.side)
    if (!ocr) throw new AppError('OCR_NOT_RECOGNISED')
    // the applicant's own card: whose it is is said here, at the photo, not only at submission
    const identity = body.whose === 'own' && ocr.idNumber ? identityOf(deps.db, getUser(deps.db, user.id)) : undefined
    if (identity) requireOwnId(ocr.idNumber, identity.id_number)
    return ocrResult(ocr, now)
  }, opts)

  route(app, endpoints.photoIdCard, ({ user, body }) => photoIdCard(deps, user.id, body), opts)
  route(app, endpoints.photoProperty, ({ user, body }) => photoProperty(deps, user.id, body.uploadId), opts)
}
