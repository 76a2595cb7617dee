// The mock 渝快办 consent page: plain HTML, no script, readable on a phone (tap targets ≥ 44 px,
// contrast ≥ 4.5:1, a label on every control). Every interpolated value is escaped.

export const SCOPE_TEXT: Record<string, { title: string; why: string }> = {
  base: { title: '基本信息', why: '您的渝快办账号标识，用于登录“万州办电”' },
  user: { title: '实名信息（姓名、身份证号）', why: '用于核验申请人身份，并经您同意调取本人电子证照' },
  mobile: { title: '手机号', why: '用于接收办电进度通知，供电企业必要时与您联系' },
}

export interface AccountChoice {
  id: string
  nameMasked: string
  idMasked: string
  mobileMasked: string
  note: string
}

export interface ConsentPageInput {
  redirectUri: string
  state: string
  scopes: string[]
  accounts: AccountChoice[]
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)
}

const STYLE = `
body{margin:0;font:17px/1.6 -apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:#1f1f1f;background:#f2f4f7}
main{max-width:480px;margin:0 auto;padding:16px}
h1{font-size:22px;margin:8px 0 4px}h2{font-size:18px;margin:20px 0 8px}
.card{background:#fff;border-radius:12px;padding:16px;margin-bottom:12px}
.muted{color:#4a4a4a;font-size:15px}
ul{padding-left:20px;margin:8px 0}
label.account{display:flex;gap:12px;align-items:flex-start;min-height:44px;padding:12px;border:2px solid #c4c9d0;border-radius:10px;margin-bottom:8px;background:#fff}
label.account input{width:24px;height:24px;margin-top:2px;flex:none}label.account span{display:block}
fieldset{border:0;min-width:0}legend{float:left;width:100%;padding:0}legend+*{clear:both}
.actions{display:flex;flex-direction:column;gap:12px;margin-top:16px}
button{min-height:48px;font-size:18px;border-radius:10px;border:2px solid #0b57d0;cursor:pointer}
button.allow{background:#0b57d0;color:#fff}button.deny{background:#fff;color:#1f1f1f;border-color:#5f6368}
`

function layout(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>`
}

function accountOption(a: AccountChoice, checked: boolean): string {
  return `<label class="account"><input type="radio" name="identity" value="${escapeHtml(a.id)}"${checked ? ' checked' : ''}>
<span><strong>${escapeHtml(a.nameMasked)}</strong><span>身份证 ${escapeHtml(a.idMasked)}</span>
<span>手机 ${escapeHtml(a.mobileMasked)}</span><span class="muted">${escapeHtml(a.note)}</span></span></label>`
}

export function consentPage(p: ConsentPageInput): string {
  const scopes = p.scopes.map((s) => `<li><strong>${escapeHtml(SCOPE_TEXT[s].title)}</strong>：${escapeHtml(SCOPE_TEXT[s].why)}</li>`).join('')
  const hidden = (name: string, value: string) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`
  return layout('渝快办 授权登录（模拟）', `
<h1>渝快办 授权登录（模拟）</h1>
<p class="muted">这是演示用的模拟页面，代替真实的渝快办授权；演示身份均为虚构。</p>
<form method="post" action="/ykb/authorize">
${hidden('redirect_uri', p.redirectUri)}${hidden('state', p.state)}${hidden('scope', p.scopes.join(','))}
<section class="card"><p><strong>“万州办电”</strong>（万州区用电报装）申请获取您的以下信息：</p><ul>${scopes}</ul>
<p class="muted">信息仅用于办理用电报装，您可以拒绝；拒绝后可改用其他方式办理。同意后将返回“万州办电”。</p></section>
<fieldset class="card"><legend><h2>当前登录的渝快办账号</h2></legend>
<p class="muted">演示：请选择一个模拟的渝快办账号</p>
${p.accounts.map((a, i) => accountOption(a, i === 0)).join('')}</fieldset>
<div class="actions"><button class="allow" type="submit" name="decision" value="allow">同意授权</button>
<button class="deny" type="submit" name="decision" value="deny">拒绝</button></div>
</form>`)
}

export function errorPage(reason: string): string {
  return layout('授权请求无效', `<h1>授权请求无效</h1><section class="card"><p>${escapeHtml(reason)}</p>
<p class="muted">请返回“万州办电”重新发起渝快办登录。</p></section>`)
}
