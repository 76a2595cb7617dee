// The demo's SMS outbox page: the messages the demo sender took (lookup codes, progress notices), mobiles masked.
// Demo only: production has a real sender and no such page.
import type { FastifyInstance } from 'fastify'
import type { Db } from '../db/open'
import { escapeHtml } from '../ykb/consent-html'
import { sendPage } from '../ykb/licence-html'
import { recentSms } from '../sms/outbox'

export function smsDemoPage(app: FastifyInstance, db: Db): void {
  app.get('/ykb/sms', async (_req, reply) => {
    const items = recentSms(db).map((m) => `<li><p><strong>${escapeHtml(m.to)}</strong> <span class="note">${escapeHtml(m.createdAt)}${m.state === 'pending' ? ' · 待发送' : ''}</span></p>
<p class="sms-text">${escapeHtml(m.text)}</p></li>`).join('')
    const body = `<header><p>短信（演示）</p><h1>最近发送的短信</h1><p>演示环境不真正发送短信，验证码和进度提醒在这里查看</p></header>
<section aria-labelledby="sms-h"><h2 id="sms-h">最近20条</h2>${items ? `<ul>${items}</ul>` : '<p class="note">还没有短信</p>'}</section>
<nav><a href="/ykb/sms">刷新</a><a href="/ykb/">全部演示页面</a></nav>`
    return sendPage(reply, 200, '短信（演示）', body)
  })
}
