import { startInProcess, type InProcess } from './support/in-process'
import crypto from 'node:crypto'
import { DEMO, failure, form, makeClock } from './support/fixtures'
import { applicant, decide, holderCode, holderPage, paperQrs, ykbTxnOf } from './support/licence-fixtures'
import { callApi } from '../../src/lib/http/client'
import { ERRORS } from '../../src/contract/errors'
import { paperQrContent } from '../../mock/licences/paper-qr'
import { showTtlSeconds } from '../../mock/licences/deps'

const clock = makeClock('2026-11-16T02:00:00Z')
let s: InProcess
beforeAll(async () => { s = await startInProcess({ now: clock.now, liangzhengTtlSeconds: 60 }) })
afterAll(async () => { await s.close() })

const scan = (a: ReturnType<typeof applicant>, qr: string, expect: 'id-card' | 'property' = 'id-card') =>
  callApi('scanBegin', { body: { qr, expect } }, a.client)
const poll = (a: ReturnType<typeof applicant>, txnId: string) => callApi('scanStatus', { params: { txnId } }, a.client)

describe('亮证: scanning a holder\'s dynamic code', () => {
  it('should run begin → waiting → holder approves → authorised with the material, over real HTTP', async () => {
    const applicantUser = applicant(s, { identity: DEMO.wang })
    const qr = await holderCode(s, DEMO.li, 'property')
    expect(qr).toMatch(/^YKBLZ1:property:[A-Za-z0-9_-]{24}$/)
    const begun = await scan(applicantUser, qr, 'property')
    expect(begun).toEqual({ txnId: expect.any(String), status: 1, material: null, message: '请持证人在渝快办中确认授权' })
    expect(await poll(applicantUser, begun.txnId)).toMatchObject({ status: 1, material: null })

    const page = await holderPage(s, DEMO.li, 'property')
    expect(page).toContain(`/ykb/licence-show/requests/${ykbTxnOf(s, begun.txnId)}`)
    expect(page).toContain('王*（渝快办实名用户）')
    expect(page).toMatch(/同意用证[\s\S]*拒绝/)
    const res = await decide(s, begun.txnId, 'approve', 'property')
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/ykb/licence-show?identity=ykb-demo-li&kind=property')

    const done = await poll(applicantUser, begun.txnId)
    expect(done.status).toBe(2)
    expect(done.material).toMatchObject({ kind: 'property', source: 'scanned', status: 'current', identifierValid: true, holderNameMasked: '李**', needsReview: false })
    expect(done.material?.numberMasked).toBe('渝(2023)万州区不动产权第****341号')
    const log = s.db.prepare('SELECT channel, use_cause FROM licence_access_log WHERE user_id = ?').all(applicantUser.userId)
    expect(log).toEqual([{ channel: 'scanned', use_cause: '用电报装' }])
    expect(await holderPage(s, DEMO.li, 'property')).toContain('待确认的用证请求（0）')
  })

  it('should let an applicant without a 渝快办 identity scan another holder\'s code when they have consented', async () => {
    const begun = await scan(applicant(s), await holderCode(s, DEMO.li, 'id-card'))
    expect(begun.status).toBe(1)
  })

  it('should refuse a decision posted from another site, and take the same one from the 渝快办 page itself', async () => {
    const a = applicant(s)
    const begun = await scan(a, await holderCode(s, DEMO.li, 'id-card'))
    const post = (headers: Record<string, string>) => fetch(`${s.url}/ykb/licence-show/requests/${ykbTxnOf(s, begun.txnId)}`,
      { ...form({ decision: 'approve', kind: 'id-card' }), headers: { ...form({}).headers, ...headers } })
    for (const headers of [{ origin: 'https://evil.example' } as Record<string, string>, { origin: 'null' }, { 'sec-fetch-site': 'cross-site' }, { origin: s.url, 'sec-fetch-site': 'same-site' }]) {
      const res = await post(headers)
      expect([JSON.stringify(headers), res.status]).toEqual([JSON.stringify(headers), 403])
      expect(await res.text()).toContain('不接受来自其他网站的请求')
    }
    expect((await poll(a, begun.txnId)).status).toBe(1)
    // a browser on our own page: Sec-Fetch-Site says so, and Origin is 'null' under our no-referrer policy
    expect((await post({ origin: 'null', 'sec-fetch-site': 'same-origin' })).status).toBe(303)
    expect((await poll(a, begun.txnId)).status).toBe(2)
  })

  it('should run only the holder page\'s own script, by hash, never \'unsafe-inline\'', async () => {
    const res = await fetch(`${s.url}/ykb/licence-show?identity=${DEMO.li}&kind=id-card`)
    const csp = res.headers.get('content-security-policy') ?? ''
    const script = /<script>([\s\S]*?)<\/script>/.exec(await res.text())?.[1] ?? ''
    expect(script).toContain('countdown')
    const scriptSrc = csp.split(/;\s*/).find((d) => d.startsWith('script-src '))
    expect(scriptSrc).toBe(`script-src 'sha256-${crypto.createHash('sha256').update(script).digest('base64')}'`)
    const sms = await fetch(`${s.url}/ykb/sms`)
    expect(sms.headers.get('content-security-policy')).toContain("script-src 'none'")
  })

  it('should answer status 3 with the refusal when the holder refuses', async () => {
    const a = applicant(s)
    const begun = await scan(a, await holderCode(s, DEMO.wang, 'id-card'))
    expect((await decide(s, begun.txnId, 'refuse')).status).toBe(303)
    expect(await poll(a, begun.txnId)).toEqual({ txnId: begun.txnId, status: 3, material: null, message: ERRORS.SCAN_REFUSED.msg })
    expect((await decide(s, begun.txnId, 'approve')).status).toBe(409)
  })

  it('should expire a waiting request after 10 minutes with a message to scan again', async () => {
    const a = applicant(s)
    const begun = await scan(a, await holderCode(s, DEMO.li, 'id-card'))
    clock.advance(10 * 60 * 1000)
    expect(await poll(a, begun.txnId)).toMatchObject({ status: 3, material: null, message: '用证请求已过期，请重新扫码' })
    expect((await decide(s, begun.txnId, 'approve')).status).toBe(409)
  })

  it('should refuse with QR_EXPIRED when the code is older than the configured lifetime', async () => {
    const qr = await holderCode(s, DEMO.li, 'id-card')
    expect(await holderCode(s, DEMO.li, 'id-card')).toBe(qr)
    clock.advance(60 * 1000)
    const e = await failure(scan(applicant(s), qr))
    expect([e.code, e.status]).toEqual(['QR_EXPIRED', 410])
    expect(await holderCode(s, DEMO.li, 'id-card')).not.toBe(qr)
  })

  it('should refuse with QR_INVALID when the content is not a code it issued', async () => {
    const a = applicant(s)
    for (const qr of ['hello', 'YKBLZ1:id-card:short', 'YKBLZ1:car:AAAAAAAAAAAAAAAAAAAAAAAA', 'YKBLZ1:id-card:AAAAAAAAAAAAAAAAAAAAAAAA']) {
      const e = await failure(scan(a, qr))
      expect([qr, e.code, e.status]).toEqual([qr, 'QR_INVALID', 400])
    }
  })

  it('should name the qr field when an ID-card code is scanned in the property slot', async () => {
    const e = await failure(scan(applicant(s), await holderCode(s, DEMO.li, 'id-card'), 'property'))
    expect(e.code).toBe('VALIDATION_FAILED')
    expect(e.fieldErrors).toEqual([{ path: 'qr', message: '这是身份证亮证码，请在身份证一栏扫描' }])
  })

  it('should refuse with LICENCE_NOT_FOUND when 王芳 shows a property code she has no licence for', async () => {
    const e = await failure(scan(applicant(s), await holderCode(s, DEMO.wang, 'property'), 'property'))
    expect([e.code, e.status]).toEqual(['LICENCE_NOT_FOUND', 404])
  })

  it('should answer NOT_FOUND when another user polls the request', async () => {
    const begun = await scan(applicant(s), await holderCode(s, DEMO.li, 'id-card'))
    const e = await failure(poll(applicant(s), begun.txnId))
    expect([e.code, e.status]).toEqual(['NOT_FOUND', 404])
  })

  it('should refuse with CONSENT_REQUIRED when the applicant has not consented', async () => {
    const e = await failure(scan(applicant(s, { consent: false }), await holderCode(s, DEMO.li, 'id-card')))
    expect(e.code).toBe('CONSENT_REQUIRED')
  })

  it('should show a 404 page when the holder is not a demo identity', async () => {
    const res = await fetch(`${s.url}/ykb/licence-show?identity=nobody&kind=id-card`)
    expect(res.status).toBe(404)
    expect(await res.text()).toContain('未找到该演示持证人')
  })

  it('should list every demo holder page on the 渝快办 demo index', async () => {
    const html = await (await fetch(`${s.url}/ykb/`)).text()
    expect(html).toContain('lang="zh-CN"')
    for (const key of Object.values(DEMO)) expect(html).toContain(`/ykb/licence-show?identity=${key}&amp;kind=id-card`)
    expect(html).toContain('/ykb/paper-qr?identity=ykb-demo-li')
  })
})

describe('the QR printed on a paper property certificate', () => {
  it('should give the material at once, without the holder, when 李明远\'s certificate is scanned', async () => {
    const [qr] = await paperQrs(s, DEMO.li)
    expect(qr.split('$')).toHaveLength(4)
    const a = applicant(s)
    const r = await scan(a, qr, 'property')
    expect(r.status).toBe(2)
    expect(r.material).toMatchObject({ kind: 'property', source: 'paper-qr', status: 'current', identifierValid: true, holderNameMasked: '李**' })
    expect((await poll(a, r.txnId)).material?.materialId).toBe(r.material?.materialId)
  })

  it('should mark 赵强\'s cancelled certificate with its refusal when it is scanned', async () => {
    const [qr] = await paperQrs(s, DEMO.zhao)
    expect((await scan(applicant(s), qr, 'property')).material).toMatchObject({ status: 'cancelled', refusal: expect.stringContaining('已注销') })
  })

  it('should refuse with QR_INVALID and say why when the hash, the shape or the unit number is wrong', async () => {
    const [qr] = await paperQrs(s, DEMO.li)
    const a = applicant(s)
    const cases: [string, string][] = [
      [qr.slice(0, -1) + (qr.endsWith('0') ? '1' : '0'), '不动产权证书二维码校验不通过，内容可能不完整或被改动，请重新扫描'],
      [qr.split('$').slice(0, 3).join('$'), '不动产权证书二维码应包含业务号、不动产单元号、证号和校验码四项，请对准证书二维码重新扫描'],
      [qr.replace('500101138001GB', '500101138001XB'), '不动产权证书二维码中的不动产单元号有误：不动产单元号应依次为：12位数字、2位字母（第一位为G、J或Z）、5位数字、1位字母（F、L、Q或W）、8位数字，请核对'],
    ]
    for (const [bad, message] of cases) {
      const e = await failure(scan(a, bad, 'property'))
      expect([e.code, e.message]).toEqual(['QR_INVALID', message])
    }
  })

  it('should refuse with LICENCE_NOT_FOUND when a well-formed certificate is not in the catalogue', async () => {
    const qr = paperQrContent({ businessNo: '500101202399', unitNo: '500101138001GB00012F00019999', certNo: '渝(2023)万州区不动产权第0099999号' })
    const e = await failure(scan(applicant(s), qr, 'property'))
    expect(e.code).toBe('LICENCE_NOT_FOUND')
  })

  it('should name the qr field when a certificate QR is scanned in the ID-card slot', async () => {
    const [qr] = await paperQrs(s, DEMO.li)
    const e = await failure(scan(applicant(s), qr, 'id-card'))
    expect(e.fieldErrors).toEqual([{ path: 'qr', message: '这是不动产权证书二维码，请在不动产权证书一栏扫描' }])
  })
})

describe('亮证 code lifetime setting', () => {
  it('should default to 300 s and refuse a nonsense value when the server starts', () => {
    expect(showTtlSeconds(undefined)).toBe(300)
    expect(showTtlSeconds(1)).toBe(1)
    expect(() => showTtlSeconds(Number('abc'))).toThrow('LIANGZHENG_TTL_SECONDS')
  })
})
