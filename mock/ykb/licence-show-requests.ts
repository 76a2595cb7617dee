// The holder's list of pending use requests (scan_txn status 1), each with 同意用证 / 拒绝.
import type { Db } from '../db/open'
import type { LicenceKind } from '../../src/contract/licences'
import { maskName } from '../../src/core/masking'
import { KIND_SHORT } from '../licences/licence-lookup'
import { SCAN_USE_CAUSE } from '../licences/scan'
import { pendingTxns, type TxnRow } from '../licences/scan-txns'
import { escapeHtml } from './consent-html'

/** Who asks, as the holder may see it: the requester's real name masked, or that they are not real-name verified. */
function requester(db: Db, userId: string): string {
  const row = db.prepare(`SELECT i.name FROM app_user u JOIN ykb_identity i ON i.id = u.ykb_identity_id WHERE u.id = ?`)
    .get(userId) as { name: string } | undefined
  return row ? `${maskName(row.name)}（渝快办实名用户）` : '微信用户（未实名）'
}

const chinaTime = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600 * 1000).toISOString().slice(11, 16)

function item(db: Db, txn: TxnRow, backKind: LicenceKind): string {
  return `<li><p><strong>${escapeHtml(requester(db, txn.user_id))}</strong> 申请使用您的${escapeHtml(KIND_SHORT[txn.kind])}电子证照</p>
<p class="note">用证事由：${escapeHtml(SCAN_USE_CAUSE)}（万州办电）· 请求时间 ${escapeHtml(chinaTime(txn.created_at))} · 10分钟内有效</p>
<form method="post" action="/ykb/licence-show/requests/${escapeHtml(txn.id)}" class="row">
<input type="hidden" name="kind" value="${escapeHtml(backKind)}">
<button type="submit" name="decision" value="approve" class="primary">同意用证</button>
<button type="submit" name="decision" value="refuse">拒绝</button></form></li>`
}

/** The section the page refreshes every few seconds. */
export function requestsSection(db: Db, identityId: string, backKind: LicenceKind, now: Date): string {
  const txns = pendingTxns(db, identityId, now)
  const body = txns.length
    ? `<ul>${txns.map((t) => item(db, t, backKind)).join('')}</ul>`
    : '<p class="note">暂无待确认的请求。办电页面提交亮证码后，请求会出现在这里。</p>'
  return `<section id="requests" aria-labelledby="requests-h" aria-live="polite"><h2 id="requests-h">待确认的用证请求（${txns.length}）</h2>${body}</section>`
}
