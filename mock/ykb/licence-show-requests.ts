// The holder's list of pending use requests, each with 同意用证 / 拒绝 (the simulator's holder page).
import { escapeHtml } from './consent-html'
import { pendingTxns, type ShowKind, type TxnRow } from './sim-show'
import type { SimDb } from './sim-store'

/** Short names for the page: 身份证 / 不动产权证书. */
export const KIND_SHORT: Record<ShowKind, string> = { 'id-card': '身份证', property: '不动产权证书' }

const chinaTime = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600 * 1000).toISOString().slice(11, 16)

function item(txn: TxnRow, backKind: ShowKind): string {
  return `<li><p><strong>${escapeHtml(txn.requester)}</strong> 申请使用您的${escapeHtml(KIND_SHORT[txn.kind])}电子证照</p>
<p class="note">用证事由：${escapeHtml(txn.use_cause)}（万州办电）· 请求时间 ${escapeHtml(chinaTime(txn.created_at))} · 10分钟内有效</p>
<form method="post" action="/ykb/licence-show/requests/${escapeHtml(txn.id)}" class="row">
<input type="hidden" name="kind" value="${escapeHtml(backKind)}">
<button type="submit" name="decision" value="approve" class="primary">同意用证</button>
<button type="submit" name="decision" value="refuse">拒绝</button></form></li>`
}

/** The section the page refreshes every few seconds. */
export function requestsSection(db: SimDb, identityId: string, backKind: ShowKind, now: Date): string {
  const txns = pendingTxns(db, identityId, now)
  const body = txns.length
    ? `<ul>${txns.map((t) => item(t, backKind)).join('')}</ul>`
    : '<p class="note">暂无待确认的请求。办电页面提交亮证码后，请求会出现在这里。</p>'
  return `<section id="requests" aria-labelledby="requests-h" aria-live="polite"><h2 id="requests-h">待确认的用证请求（${txns.length}）</h2>${body}</section>`
}
