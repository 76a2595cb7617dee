// 亮证 use requests, as we keep them: 1 waiting for the holder (in 渝快办: ykb_txn_id), 2 authorised (material
// attached), 3 refused or expired. The holder decides in 渝快办; we learn it by polling through the gateway.
import type { Db } from '../db/open'
import type { LicenceKind, ScanStatus } from '../../src/contract/licences'
import { ERRORS } from '../../src/contract/errors'
import { AppError } from '../http/app-error'
import { newId, ownMaterialView } from './materials'

const TXN_TTL_MS = 10 * 60 * 1000
export const WAITING_MESSAGE = '请持证人在渝快办中确认授权'

export interface TxnRow {
  id: string
  user_id: string
  ykb_txn_id: string | null
  kind: LicenceKind
  status: 1 | 2 | 3
  material_id: string | null
  created_at: string
  expires_at: string
  decided_at: string | null
}

export function createTxn(db: Db, o: { userId: string; ykbTxnId: string | null; kind: LicenceKind; now: Date; materialId?: string }): TxnRow {
  const row: TxnRow = {
    id: newId('txn'), user_id: o.userId, ykb_txn_id: o.ykbTxnId, kind: o.kind, status: o.materialId ? 2 : 1,
    material_id: o.materialId ?? null, created_at: o.now.toISOString(),
    expires_at: new Date(o.now.getTime() + TXN_TTL_MS).toISOString(), decided_at: o.materialId ? o.now.toISOString() : null,
  }
  db.prepare(`INSERT INTO scan_txn (id, user_id, ykb_txn_id, kind, status, material_id, created_at, expires_at, decided_at)
    VALUES (@id, @user_id, @ykb_txn_id, @kind, @status, @material_id, @created_at, @expires_at, @decided_at)`).run(row)
  return row
}

export function getTxn(db: Db, id: string): TxnRow | undefined {
  return db.prepare('SELECT * FROM scan_txn WHERE id = ?').get(id) as TxnRow | undefined
}

/** The applicant's own request; anyone else's, or none, is NOT_FOUND. */
export function ownTxn(db: Db, id: string, userId: string): TxnRow {
  const txn = getTxn(db, id)
  if (!txn || txn.user_id !== userId) throw new AppError('NOT_FOUND')
  return txn
}

/** Closes a waiting request: 2 with its material, or 3 (refused, or expired when decided at or after its expiry). */
export function closeTxn(db: Db, id: string, status: 2 | 3, now: Date, materialId: string | null = null): void {
  db.prepare('UPDATE scan_txn SET status = ?, material_id = ?, decided_at = ? WHERE id = ? AND status = 1')
    .run(status, materialId, now.toISOString(), id)
}

export const isWaiting = (txn: TxnRow, now: Date) => txn.status === 1 && txn.expires_at > now.toISOString()

/** What a closed (or still waiting) request answers. */
export function statusOf(db: Db, txn: TxnRow, message = WAITING_MESSAGE): ScanStatus {
  if (txn.status === 1) return { txnId: txn.id, status: 1, material: null, message }
  if (txn.status === 2 && txn.material_id) {
    return { txnId: txn.id, status: 2, material: ownMaterialView(db, txn.material_id, txn.user_id), message: '持证人已授权，证照信息已获取' }
  }
  const expired = (txn.decided_at ?? '') >= txn.expires_at
  return { txnId: txn.id, status: 3, material: null, message: expired ? '用证请求已过期，请重新扫码' : ERRORS.SCAN_REFUSED.msg }
}
