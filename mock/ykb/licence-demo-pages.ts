// Demo entry points: the list of holder pages, the QR printed on demo paper certificates, the OCR demo photos.
import type { FastifyInstance } from 'fastify'
import { maskName } from '../../src/core/masking'
import type { PropertyFace } from '../licences/material-data'
import { demoIdentity, licencesOf, TYPE_OF_KIND, type LicenceRow } from './sim-licences'
import type { LicencePageDeps } from './licence-show-page'
import { demoBusinessNo, paperQrContent } from '../licences/paper-qr'
import { DEMO_IDENTITIES } from '../seed/demo-data'
import { demoIdCardImage, type CardSide } from '../ocr/demo-images'
import { OCR_DEMO_IDENTITY } from '../ocr/recognise'
import { qrSvg, sendPage, sendProblem } from './licence-html'
import { escapeHtml } from './consent-html'

/** The content of the QR printed on a paper property certificate. */
export function paperQrOf(licence: LicenceRow): string {
  const face = JSON.parse(licence.face_json) as PropertyFace
  return paperQrContent({ businessNo: demoBusinessNo(licence.licence_number), unitNo: face.unitNo, certNo: licence.licence_number })
}

function indexBody(): string {
  const rows = DEMO_IDENTITIES.map((d) => {
    const key = encodeURIComponent(d.key)
    const paper = d.licences.some((l) => l.startsWith('property')) ? `<a class="button" href="/ykb/paper-qr?identity=${key}">纸质证书二维码</a>` : ''
    return `<li><p><strong>${escapeHtml(maskName(d.name))}</strong> <span class="note">${escapeHtml(d.key)}</span></p><p class="note">${escapeHtml(d.role)}</p>
<div class="row"><a class="button" href="/ykb/licence-show?identity=${key}&amp;kind=id-card">出示身份证</a>
<a class="button" href="/ykb/licence-show?identity=${key}&amp;kind=property">出示不动产权证书</a>${paper}</div></li>`
  }).join('')
  const ocr = DEMO_IDENTITIES.find((d) => d.key === OCR_DEMO_IDENTITY)
  return `<header><p>渝快办（演示）</p><h1>持证人演示页面</h1><p>扮演持证人的渝快办：出示亮证码、确认用证请求</p></header>
<section aria-labelledby="who-h"><h2 id="who-h">演示持证人</h2><ul>${rows}</ul></section>
<section aria-labelledby="ocr-h"><h2 id="ocr-h">身份证照片识别演示</h2>
<p class="note">演示识别只认这两张照片（${escapeHtml(ocr ? maskName(ocr.name) : '')}的身份证），其他照片需手动输入。</p>
<div class="row"><a class="button" href="/ykb/demo/idcard-front.png" download>人像面照片</a>
<a class="button" href="/ykb/demo/idcard-back.png" download>国徽面照片</a></div></section>`
}

export function licenceDemoPages(app: FastifyInstance, deps: LicencePageDeps): void {
  app.get('/ykb/', async (_req, reply) => sendPage(reply, 200, '渝快办演示', indexBody()))

  app.get<{ Querystring: { identity?: string } }>('/ykb/paper-qr', async (req, reply) => {
    const holder = demoIdentity(deps.db, String(req.query.identity ?? ''))
    const certs = holder ? licencesOf(deps.db, holder.id_number, TYPE_OF_KIND.property) : []
    if (!holder || certs.length === 0) return sendProblem(reply, 404, '该演示持证人没有不动产权证书')
    const items = await Promise.all(certs.map(async (licence) => {
      const content = paperQrOf(licence)
      return `<section aria-label="证书二维码"><h2>${escapeHtml(licence.type_name)}（纸质证书上的二维码）</h2>${await qrSvg(content, '不动产权证书二维码')}
<label for="c-${escapeHtml(licence.identifier)}">二维码内容（无法扫码时复制后粘贴）</label>
<textarea id="c-${escapeHtml(licence.identifier)}" class="paper-qr" readonly rows="3">${escapeHtml(content)}</textarea></section>`
    }))
    const body = `<header><p>纸质不动产权证书（演示）</p><h1>证书二维码</h1><p>权利人：${escapeHtml(maskName(holder.name))}</p></header>${items.join('')}
<nav><a href="/ykb/">全部演示页面</a></nav>`
    return sendPage(reply, 200, '不动产权证书二维码', body)
  })

  for (const side of ['front', 'back'] as CardSide[]) {
    app.get(`/ykb/demo/idcard-${side}.png`, async (_req, reply) =>
      reply.type('image/png').header('cache-control', 'public, max-age=3600').send(demoIdCardImage(side).png))
  }
}
