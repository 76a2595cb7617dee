import { checkAnswerPart, checkAnswerParts, MESSAGES } from '@/core/answers/check-answers'
import { SERVICES, serviceByCode } from '@/core/services'
import { validateAll } from '@/features/apply/validate'
import { checkAnswers } from '../../../mock/applications/answers-check'
import type { Answers } from '@/contract/answers'

const TODAY = '2026-12-01'
const ctx = { today: TODAY }
const messages = (part: Parameters<typeof checkAnswerPart>[0], a: Parameters<typeof checkAnswerPart>[1]) =>
  checkAnswerPart(part, a, ctx).map((e) => `${e.path}: ${e.message}`)

describe('the answers checker in src/core', () => {
  it('should refuse an applicant kind the service does not offer, with the service named', () => {
    const resident = serviceByCode('resident')!
    expect(messages('applicant', { service: 'resident', applicant: { kind: 'business', role: 'owner', useIdentityMobile: true, businessName: '某店', creditCode: '91350100M000100Y43' } }))
      .toEqual([`applicant.kind: ${MESSAGES.kindNotOffered(resident)}`])
  })

  it('should refuse a use the service does not offer, and accept each one it does', () => {
    for (const service of SERVICES) {
      for (const use of service.uses) expect(messages('load', { service: service.code, load: { capacityKw: 10, use } })).toEqual([])
    }
    expect(messages('load', { service: 'resident', load: { capacityKw: 10, use: 'shop' } }))
      .toEqual([`load.use: ${MESSAGES.unofferedUse(serviceByCode('resident')!)}`])
  })

  it('should move only services with a capacity ceiling, naming the service to choose', () => {
    expect(messages('load', { service: 'hv-10kv', load: { capacityKw: 400, use: 'workshop' } })).toEqual([])
    expect(messages('load', { service: 'lv-business', load: { capacityKw: 200, use: 'shop' } })[0]).toContain('请改选“高压新装（10千伏）”')
  })

  it('should ask for the project approval exactly where the service table lists it at acceptance', () => {
    for (const service of SERVICES) {
      const asks = service.stages[0].materials.includes('project-approval')
      const found = messages('licences', { service: service.code, applicant: { role: 'owner' }, materials: { idCard: { materialId: 'm' }, property: null } })
      expect(found).toEqual(asks ? [`materials.projectApprovalUploadId: ${MESSAGES.projectApproval}`] : [])
    }
  })

  it('should tag each error with its part', () => {
    expect(checkAnswerParts({}, ctx).map((e) => e.part)).toEqual(expect.arrayContaining(['service', 'applicant', 'address', 'load', 'licences']))
  })

  it('should give the same words in the app and on the server for the same bad answers', () => {
    const answers = {
      service: 'resident',
      applicant: { kind: 'business', role: 'owner', mobile: '123', businessName: '', creditCode: 'ABC' },
      address: { townshipCode: '500101999', detail: '短' },
      load: { capacityKw: 500, use: 'shop', desiredDate: '2026-01-01' },
      materials: { idCard: { materialId: 'm' }, property: null, propertyUndertaking: false },
    } as unknown as Answers
    const app = new Map(validateAll(answers, TODAY).map((e) => [e.path, e.message]))
    const server = checkAnswers(answers, TODAY, undefined).errors
    expect(server.length).toBeGreaterThanOrEqual(7)
    for (const e of server) expect([e.path, app.get(e.path.replace(/^answers\./, ''))]).toEqual([e.path, e.message])
  })
})

describe('期望接电日期', () => {
  it('should accept today up to a year ahead, and refuse the past and anything later', () => {
    const at = (desiredDate: string) => checkAnswerPart('load', { service: 'lv-business', load: { capacityKw: 10, use: 'shop', desiredDate } }, { today: '2026-12-05' })
      .map((e) => e.message)
    expect(at('2026-12-05')).toEqual([])
    expect(at('2027-12-05')).toEqual([])
    expect(at('2026-12-04')).toEqual([MESSAGES.desiredDate])
    expect(at('2027-12-06')).toEqual([MESSAGES.desiredDateFar])
    expect(at('2999-12-31')).toEqual([MESSAGES.desiredDateFar])
  })
})
