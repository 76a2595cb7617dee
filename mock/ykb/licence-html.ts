// Page frame for the mock 渝快办 holder pages (they play the holder's app in demos): Chinese, mobile, accessible.
import QRCode from 'qrcode'
import type { FastifyReply } from 'fastify'
import { escapeHtml } from './consent-html'
import { scriptHash } from '../http/h5-csp'

/**
 * The page's policy: only the page's own script runs, allowed by its hash (never 'unsafe-inline', never a hash
 * read back from the finished page, where an injected script would be hashed too); nothing from elsewhere.
 */
const csp = (script: string) => ["default-src 'none'", "style-src 'unsafe-inline'", `script-src ${script ? scriptHash(script) : "'none'"}`,
  "connect-src 'self'", "img-src 'self'", "form-action 'self'", "frame-ancestors 'none'"].join('; ')

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:17px/1.6 system-ui,"PingFang SC","Noto Sans CJK SC",sans-serif;color:#1a1a1a;background:#f2f5f7}
main{max-width:480px;margin:0 auto;padding:16px}header{background:#0b5cad;color:#fff;padding:16px;border-radius:12px}
header p{margin:0;font-size:15px}h1{margin:4px 0;font-size:22px}h2{font-size:19px;margin:0 0 8px}
section{background:#fff;border-radius:12px;padding:16px;margin-top:16px}
.qr{display:flex;justify-content:center}.qr svg{width:240px;height:240px}
textarea{width:100%;font:15px/1.4 ui-monospace,monospace;padding:8px;border:2px solid #5b6770;border-radius:8px}
button,.button{display:inline-flex;align-items:center;justify-content:center;min-height:48px;min-width:48px;padding:0 20px;
font-size:17px;border-radius:8px;border:2px solid #0b5cad;background:#fff;color:#0b5cad;text-decoration:none;cursor:pointer}
button.primary{background:#0b5cad;color:#fff}button:focus-visible,a:focus-visible{outline:3px solid #f0a000;outline-offset:2px}
.row{display:flex;gap:12px;flex-wrap:wrap;margin-top:8px}.note{color:#44505a;font-size:15px}
.warn{border-left:4px solid #b3261e;padding-left:8px;color:#7a1a14}ul{list-style:none;padding:0;margin:0}
li{border-top:1px solid #d5dde3;padding:12px 0}li:first-child{border-top:0}a{color:#0b5cad}nav a{display:inline-block;min-height:44px;line-height:44px;margin-right:16px}
`

/** A whole HTML page; `script` is inline (the pages are same-origin demo pages). */
export function page(title: string, body: string, script = ''): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>${body}</main>${script ? `<script>${script}</script>` : ''}</body></html>`
}

export function sendPage(reply: FastifyReply, status: number, title: string, body: string, script = ''): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').header('content-security-policy', csp(script))
    .send(page(title, body, script))
}

/** A short refusal page with a way back. */
export function sendProblem(reply: FastifyReply, status: number, message: string): FastifyReply {
  return sendPage(reply, status, '无法处理', `<section><h1>无法处理</h1><p class="warn">${escapeHtml(message)}</p><nav><a href="/ykb/">返回演示首页</a></nav></section>`)
}

/** An inline SVG QR code of `text`, labelled for screen readers. */
export async function qrSvg(text: string, label: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
  return `<div class="qr" role="img" aria-label="${escapeHtml(label)}">${svg.replace(/<\?xml[^>]*>/, '')}</div>`
}
