import type { FastifyRequest } from 'fastify'
import type { Receipt } from '../../src/contract/applications'
import { IDEMPOTENCY_HEADER } from '../../src/contract/constants'
import type { Db } from '../db/open'
import { AppError, fieldError } from '../http/app-error'
import { storedReceipt } from './receipt'

const KEY = /^[A-Za-z0-9_-]{8,64}$/

/** The request's Idempotency-Key header: 8–64 characters of letters, digits, '_' and '-'. */
export function idempotencyKey(req: FastifyRequest): string {
  const name = IDEMPOTENCY_HEADER.toLowerCase()
  const key = req.headers[name]
  if (typeof key !== 'string' || !KEY.test(key)) {
    throw fieldError(`headers.${name}`, '缺少有效的提交编号（Idempotency-Key，8至64位字母、数字、下划线或连字符），请刷新后重新提交')
  }
  return key
}

/** The receipt stored for this owner and key: the same request gets it again, a different one is refused. */
export function replay(db: Db, ownerId: string, key: string, requestHash: string): Receipt | undefined {
  const row = db.prepare('SELECT request_hash, application_number FROM idempotency WHERE owner_id = ? AND key = ?').get(ownerId, key) as
    { request_hash: string; application_number: string } | undefined
  if (!row) return undefined
  if (row.request_hash !== requestHash) throw new AppError('IDEMPOTENCY_MISMATCH')
  return storedReceipt(db, row.application_number, ownerId)
}

export function remember(db: Db, ownerId: string, key: string, requestHash: string, number: string, at: Date): void {
  db.prepare('INSERT INTO idempotency (owner_id, key, request_hash, application_number, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(ownerId, key, requestHash, number, at.toISOString())
}
