// Uploaded photos and PDFs: typed by their content, stored as files under a random id, never by their name.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Upload } from '../../src/contract/licences'
import { AppError } from '../http/app-error'
import type { LicenceDeps } from './deps'
import { newId } from './materials'
import { checkContent } from './file-check'
import { spendQuota } from './upload-quota'

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024

const SIGNATURES: [Upload['mime'], number[]][] = [
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['application/pdf', [...Buffer.from('%PDF-', 'latin1')]],
]

/** The type by magic bytes; the declared type and the file name are never trusted. */
export function sniffMime(bytes: Buffer): Upload['mime'] | undefined {
  return SIGNATURES.find(([, sig]) => bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b))?.[0]
}

export interface UploadRow {
  id: string
  owner_id: string
  mime: Upload['mime']
  size: number
  sha256: string
}

/**
 * Writes an upload under its id. Durably (production): the file and its directory entry are flushed to disk
 * before the row that refers to it is committed, so an acknowledged upload survives a power loss.
 */
function writeFile(deps: LicenceDeps, id: string, bytes: Buffer): void {
  fs.mkdirSync(deps.uploadsDir, { recursive: true })
  const fd = fs.openSync(path.join(deps.uploadsDir, id), 'wx', 0o600)
  try {
    fs.writeSync(fd, bytes)
    if (deps.durable) fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
  if (deps.durable) {
    const dir = fs.openSync(deps.uploadsDir, 'r')
    try { fs.fsyncSync(dir) } finally { fs.closeSync(dir) }
  }
}

/** Checks and stores one upload for its owner, sent from `clientIp`, within their daily quotas. */
export function saveUpload(deps: LicenceDeps, ownerId: string, clientIp: string, bytes: Buffer): Upload {
  if (bytes.length > MAX_UPLOAD_BYTES) throw new AppError('UPLOAD_TOO_LARGE')
  if (bytes.length === 0) throw new AppError('UPLOAD_EMPTY')
  const mime = sniffMime(bytes)
  if (!mime) throw new AppError('UPLOAD_TYPE')
  checkContent(bytes, mime)
  spendQuota(deps.db, ownerId, clientIp, bytes.length, deps.now(), deps.uploadQuotas)
  const id = newId('up')
  writeFile(deps, id, bytes)
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex')
  deps.db.prepare('INSERT INTO upload (id, owner_id, mime, size, sha256, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(id, ownerId, mime, bytes.length, sha256, deps.now().toISOString())
  return { uploadId: id, mime, size: bytes.length }
}

/** An upload of this owner; anyone else's, or none, is NOT_FOUND. */
export function ownUpload(deps: LicenceDeps, id: string, ownerId: string): UploadRow {
  const row = deps.db.prepare('SELECT id, owner_id, mime, size, sha256 FROM upload WHERE id = ? AND owner_id = ?').get(id, ownerId) as UploadRow | undefined
  if (!row) throw new AppError('NOT_FOUND', '未找到该上传文件，请重新上传')
  return row
}
