import { startInProcess, type InProcess } from './support/in-process'
import { DEMO, failure } from './support/fixtures'
import { applicant } from './support/licence-fixtures'
import { callApi } from '../../src/lib/http/client'
import { parseLicenceId } from '../../src/core/validators'
import { maskId } from '../../src/core/masking'
import { LICENCE_TYPES } from '../../mock/seed/demo-data'

let s: InProcess
beforeAll(async () => { s = await startInProcess() })
afterAll(async () => { await s.close() })

const BOTH = { kinds: ['id-card', 'property'] as ('id-card' | 'property')[], useCause: '办理低压用电报装' }
const idNumberOf = (key: string) => (s.db.prepare('SELECT id_number FROM ykb_identity WHERE id = ?').get(key) as { id_number: string }).id_number

describe('POST /api/licences/authorised', () => {
  it('should return both current licences of 李明远, masked, with a valid identifier when he authorises', async () => {
    const li = applicant(s, { identity: DEMO.li })
    const r = await callApi('licencesAuthorised', { body: BOTH }, li.client)
    expect(r.missing).toEqual([])
    expect(r.licences.map((l) => [l.kind, l.source, l.status, l.refusal, l.needsReview])).toEqual([
      ['id-card', 'authorised', 'current', null, false], ['property', 'authorised', 'current', null, false],
    ])
    const [id, property] = r.licences
    expect(id.typeName).toBe('居民身份证')
    expect(id.holderNameMasked).toBe('李**')
    expect(id.numberMasked).toBe(maskId(idNumberOf(DEMO.li)))
    expect(id.numberMasked).toMatch(/^5001\*{10}\d{3}[\dX]$/)
    expect(id.facts).toEqual([{ label: '有效期限', value: '2016-03-01至2036-03-01' }])
    expect(id.validTo).toBe('2036-03-01')
    expect(property.typeName).toBe('不动产权证书')
    expect(property.numberMasked).toBe('渝(2023)万州区不动产权第****341号')
    expect(property.facts).toEqual([
      { label: '坐落', value: '重庆市万州区瀼渡镇****' },
      { label: '不动产单元号', value: '500101******************0002' },
      { label: '用途', value: '商业服务/商业' },
      { label: '面积', value: '86.50㎡' },
    ])
    // the 坐落 as a connection address, to fill the address from the certificate; an ID card has none
    expect([id.address, property.address]).toEqual([null, { townshipCode: '500101138', detail: '演示街8号1幢1-2' }])
    for (const l of r.licences) {
      expect(l.identifierValid).toBe(true)
      const parsed = parseLicenceId(l.identifier ?? '')
      expect(parsed.ok).toBe(true)
      if (parsed.ok) expect(parsed.value.typeCode).toBe(l.kind === 'id-card' ? LICENCE_TYPES.idCard.code : LICENCE_TYPES.property.code)
    }
  })

  it('should list property as missing when 王芳 has only an ID-card e-licence', async () => {
    const r = await callApi('licencesAuthorised', { body: BOTH }, applicant(s, { identity: DEMO.wang }).client)
    expect(r.missing).toEqual(['property'])
    expect(r.licences.map((l) => [l.kind, l.status, l.holderNameMasked])).toEqual([['id-card', 'current', '王*']])
  })

  it('should mark 赵强\'s expired ID and cancelled property with the reason when they are fetched', async () => {
    const r = await callApi('licencesAuthorised', { body: BOTH }, applicant(s, { identity: DEMO.zhao }).client)
    const [id, property] = r.licences
    expect(id.status).toBe('expired')
    expect(id.validTo).toBe('2025-03-01')
    expect(id.refusal).toBe('该身份证电子证照已于2025-03-01过期，请先到渝快办更新证照，或改用拍照上传')
    expect(property.status).toBe('cancelled')
    expect(property.refusal).toBe('该不动产权证书电子证照已注销，不能用于报装，请核实后改用有效证照，或改用拍照上传')
    expect(r.missing).toEqual([])
  })

  it('should fetch only the kinds asked for when one kind is requested twice', async () => {
    const r = await callApi('licencesAuthorised', { body: { kinds: ['property', 'property'], useCause: '用电报装' } }, applicant(s, { identity: DEMO.li }).client)
    expect(r.licences.map((l) => l.kind)).toEqual(['property'])
  })

  it('should write one access-log row per licence with the stated use cause', async () => {
    const li = applicant(s, { identity: DEMO.li })
    await callApi('licencesAuthorised', { body: BOTH }, li.client)
    const rows = s.db.prepare('SELECT licence_identifier, channel, use_cause FROM licence_access_log WHERE user_id = ? ORDER BY id').all(li.userId) as
      { licence_identifier: string; channel: string; use_cause: string }[]
    expect(rows).toHaveLength(2)
    expect(rows.map((r) => [r.channel, r.use_cause])).toEqual([['authorised', '办理低压用电报装'], ['authorised', '办理低压用电报装']])
    expect(rows.every((r) => parseLicenceId(r.licence_identifier).ok)).toBe(true)
  })

  it('should keep the full data server-side in the material row when it answers masked', async () => {
    const li = applicant(s, { identity: DEMO.li })
    const r = await callApi('licencesAuthorised', { body: { kinds: ['id-card'], useCause: '用电报装' } }, li.client)
    const row = s.db.prepare('SELECT owner_id, status, data_json FROM material WHERE id = ?').get(r.licences[0].materialId) as { owner_id: string; status: string; data_json: string }
    expect(row.owner_id).toBe(li.userId)
    expect(JSON.parse(row.data_json).number).toBe(idNumberOf(DEMO.li))
  })

  it('should never send a full ID number or mobile in any answer', async () => {
    const users = [DEMO.li, DEMO.wang, DEMO.zhao].map((identity) => applicant(s, { identity }))
    for (const u of users) await callApi('licencesAuthorised', { body: BOTH }, u.client)
    const all = users.flatMap((u) => u.bodies).join('\n')
    const secrets = s.db.prepare('SELECT id_number, mobile FROM ykb_identity').all() as { id_number: string; mobile: string }[]
    for (const { id_number, mobile } of secrets) {
      expect(all).not.toContain(id_number)
      expect(all).not.toContain(mobile)
    }
    const withoutIdentifiers = all.replace(/"identifier":"[^"]*"/g, '')
    expect(withoutIdentifiers).not.toMatch(/(^|[^\dA-Z])\d{17}[\dX]([^\dA-Z]|$)/)
    expect(withoutIdentifiers).not.toMatch(/(^|\D)1[3-9]\d{9}(\D|$)/)
    expect(all).toContain('5001**********')
  })

  it('should refuse with CONSENT_REQUIRED when the applicant has not agreed to the notice', async () => {
    const e = await failure(callApi('licencesAuthorised', { body: BOTH }, applicant(s, { identity: DEMO.li, consent: false }).client))
    expect([e.code, e.status]).toEqual(['CONSENT_REQUIRED', 403])
  })

  it('should refuse with YKB_AUTH_REQUIRED when no 渝快办 identity is bound', async () => {
    const e = await failure(callApi('licencesAuthorised', { body: BOTH }, applicant(s).client))
    expect([e.code, e.status]).toEqual(['YKB_AUTH_REQUIRED', 403])
  })

  it('should refuse with UNAUTHENTICATED when there is no session', async () => {
    const e = await failure(callApi('licencesAuthorised', { body: BOTH }, s.client))
    expect([e.code, e.status]).toEqual(['UNAUTHENTICATED', 401])
  })

  it('should name kinds and useCause when they are missing', async () => {
    const e = await failure(callApi('licencesAuthorised', { body: { kinds: [], useCause: '' } }, applicant(s, { identity: DEMO.li }).client))
    expect(e.code).toBe('VALIDATION_FAILED')
    expect(e.fieldErrors).toEqual(expect.arrayContaining([
      { path: 'kinds', message: '请选择要获取的证照' }, { path: 'useCause', message: '请说明用证事由' },
    ]))
  })
})
