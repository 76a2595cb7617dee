// The signed 《低压供用电合同》 as a PDF: made from the signed record, the signer's own name in full for the signer
// only, the digest in full and explained; the owner and the case's staff alone may open it (the object-access
// matrix holds the refusals of everyone else).
import fs from 'node:fs'
import path from 'node:path'
import { callApi } from '../../src/lib/http/client'
import { DIGEST_EXPLAINED } from '../../mock/applications/contract-pdf'
import type { InProcess } from './support/in-process'
import { applyHv, applyShop, progressSuite, type Owner } from './support/progress-fixtures'
import { accessRows, rawGet, staffSignIn, type SignedInStaff } from './support/staff-fixtures'
import { pdfLines, xrefIsSound } from './support/pdf-text'

const suite = progressSuite()
let s: InProcess
let li: Owner
let gw: SignedInStaff
beforeAll(async () => {
  ({ s, li } = suite)
  gw = await staffSignIn(s, 'gw-kefu')
})

const liName = () => (s.db.prepare("SELECT name FROM ykb_identity WHERE id = 'ykb-demo-li'").get() as { name: string }).name
const fetchPdf = async (path: string, token: string) => {
  const res = await rawGet(s, path, token)
  return { res, pdf: Buffer.from(await res.arrayBuffer()) }
}

describe('contractPdf (the applicant)', () => {
  it('should open the signed contract as a sandboxed, uncached PDF with the signer\'s full name, the full digest and what it means', async () => {
    const number = await applyShop(li)
    const { hash, signedAt } = (await callApi('applicationDetail', { params: { number } }, li.client)).contract ?? { hash: '', signedAt: '' }
    const { res, pdf } = await fetchPdf(`/api/applications/${number}/contract.pdf`, li.headers.authorization.slice(7))
    expect([res.status, res.headers.get('content-type'), res.headers.get('cache-control')]).toEqual([200, 'application/pdf', 'no-store'])
    expect(res.headers.get('content-disposition')).toBe(`inline; filename="contract-${number}.pdf"`)
    expect(res.headers.get('content-security-policy')).toMatch(/^sandbox; default-src 'none'/)
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4')
    expect(xrefIsSound(pdf)).toBe(true)
    // kept for a person to open: the e2e screenshots' folder
    const out = path.resolve(__dirname, '..', 'output')
    fs.mkdirSync(out, { recursive: true })
    fs.writeFileSync(path.join(out, 'contract-owner-sample.pdf'), pdf)
    const text = pdfLines(pdf).join('')
    expect(text).toContain('《低压供用电合同》')
    expect(text).toContain(`申请编号：${number}`)
    expect(text).toContain(`（签署人：${liName()}）。`) // the contract's own 供用电双方 clause, name in full
    expect(text).toContain(`用电人（签署人）：${liName()}`)
    expect(text).toContain(hash) // all 64 characters, not a shortened one
    expect(text).toContain(DIGEST_EXPLAINED)
    expect(text).toContain(`签署时间：${new Date(new Date(signedAt).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')}`)
  })

  it('should keep the contract as signed after 改派, with a line under the signature naming the enterprise that handles it now', async () => {
    suite.clock.set('2026-11-26T02:00:00Z')
    const number = await applyShop(li)
    suite.clock.advance(24 * 3600_000)
    const token = li.headers.authorization.slice(7)
    const signedText = pdfLines((await fetchPdf(`/api/applications/${number}/contract.pdf`, token)).pdf).join('')
    expect(signedText).not.toContain('改由')
    const banzhang = await staffSignIn(s, 'gw-banzhang')
    await callApi('staffReassign', { params: { number }, body: { to: 'sanxia', reason: '用电地址在三峡水利供区（现场核实）' } }, banzhang.client)
    const text = pdfLines((await fetchPdf(`/api/applications/${number}/contract.pdf`, token)).pdf).join('')
    expect(text).toContain(`签署后，本申请已于2026-11-27改由三峡水利办理，办理时限照常计算。以上合同内容为签署时的原文，未作改动。`)
    // the contract itself is the text that was signed, word for word
    const [beforeNote, afterNote] = text.split('签署后，本申请已于')
    expect(signedText.startsWith(beforeNote)).toBe(true)
    expect(afterNote).toContain(DIGEST_EXPLAINED)
    expect(text).not.toContain('现场核实') // the reason is for staff
  })

  it('should refuse a 10 kV case, which signs its contract later, with ACTION_NOT_ALLOWED', async () => {
    const number = await applyHv(s, li)
    const { res, pdf } = await fetchPdf(`/api/applications/${number}/contract.pdf`, li.headers.authorization.slice(7))
    expect([res.status, (JSON.parse(pdf.toString()) as { code: string }).code]).toEqual([409, 'ACTION_NOT_ALLOWED'])
  })
})

describe('staffContractPdf (the case\'s staff)', () => {
  it('should give the case\'s staff the same contract with the signer\'s name masked, and log the view', async () => {
    const number = await applyShop(li)
    const { res, pdf } = await fetchPdf(`/api/staff/applications/${number}/contract.pdf`, gw.token)
    expect([res.status, res.headers.get('content-type')]).toEqual([200, 'application/pdf'])
    const text = pdfLines(pdf).join('')
    expect(text).toContain('用电人（签署人）：李*')
    expect(text).not.toContain(liName())
    expect(accessRows(s).at(-1)).toEqual({ staff: 'gw-kefu', action: 'case', target: number, detail: '查看已签署的供用电合同' })
  })
})
