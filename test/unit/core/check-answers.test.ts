import { checkAnswerPart, checkAnswerParts, MESSAGES } from '@/core/answers/check-answers'
import { serviceByCode, standaloneServices } from '@/core/services'
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
    for (const service of standaloneServices()) {
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
    for (const service of standaloneServices()) {
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

describe('同时办理: the added services and their consents', () => {
  const today = { today: '2026-12-05' }
  const joint = (parts: NonNullable<Parameters<typeof checkAnswerPart>[1]['joint']>) => ({ service: 'lv-business' as const, joint: parts })
  const found = (part: 'joint' | 'share', parts: Parameters<typeof joint>[0]) => checkAnswerPart(part, joint(parts), today).map((e) => `${e.path}: ${e.message}`)

  it('should accept answers within each question\'s options and range, and nothing when nothing is added', () => {
    expect(checkAnswerPart('joint', { service: 'lv-business' }, today)).toEqual([])
    expect(checkAnswerPart('share', { service: 'lv-business' }, today)).toEqual([])
    expect(found('joint', [
      { service: 'water-connect', answers: { waterUse: 'business', people: 6 } },
      { service: 'gas-connect', answers: { appliances: 'stove' } },
      { service: 'telecom-connect', answers: { bandwidth: '300' } },
    ])).toEqual([])
  })

  it('should name the question and its range when an answer is missing, outside its options or not a whole number', () => {
    expect(found('joint', [{ service: 'water-connect', answers: { waterUse: 'pool', people: 0.5 } }])).toEqual([
      'joint.0.answers.waterUse: 请选择用水的用水性质',
      'joint.0.answers.people: 请填写用水的用水人数（1–500人的整数）',
    ])
    expect(found('joint', [{ service: 'gas-connect', answers: {} }])).toEqual(['joint.0.answers.appliances: 请选择用气的用气设备'])
  })

  it('should refuse a service added twice, a standalone service and an answer the provider does not ask for', () => {
    expect(found('joint', [
      { service: 'telecom-connect', answers: { bandwidth: '100', colour: 'red' } },
      { service: 'telecom-connect', answers: { bandwidth: '100' } },
    ])).toEqual([
      'joint.0.answers.colour: 宽带报装不需要填写“colour”',
      'joint.1.service: 宽带报装已选择，不能重复选择',
    ])
    expect(found('joint', [{ service: 'lv-business' as never, answers: {} }])).toEqual([`joint.0.service: ${MESSAGES.jointUnknown}`])
  })

  it('should ask for a decision per recipient, naming it, and accept a refusal', () => {
    expect(found('share', [{ service: 'water-connect' }, { service: 'gas-connect', consent: 'refused' }, { service: 'telecom-connect', consent: 'given' }]))
      .toEqual(['joint.0.consent: 请选择是否同意向万州区供水企业（示例）提供办理所需的信息'])
  })

  it('should not accept a water, gas or telecom connection as the application\'s own service', () => {
    expect(checkAnswerPart('service', { service: 'water-connect' as never }, today)).toEqual([{ path: 'service', message: MESSAGES.service }])
  })
})

describe('字号 and the typical loads in the service table', () => {
  const applicant = { kind: 'individual' as const, role: 'owner' as const, useIdentityMobile: true }
  it('should check an individual\'s 字号 only where the service asks for one', () => {
    expect(messages('applicant', { service: 'lv-business', applicant: { ...applicant, shopName: '老王面馆' } })).toEqual([])
    expect(messages('applicant', { service: 'lv-business', applicant: { ...applicant, shopName: '店' } }))
      .toEqual(['applicant.shopName: 字号请填写2至30个字，如“老王面馆”；没有可以不填'])
    expect(messages('applicant', { service: 'resident', applicant: { ...applicant, shopName: '店' } })).toEqual([])
  })

  it('should offer typical loads that fit the service and uses it offers, and a default use only where one is obvious', () => {
    for (const service of standaloneServices()) {
      for (const load of service.typicalLoads ?? []) {
        expect(load.kw).toBeLessThanOrEqual(service.maxCapacityKw ?? Infinity)
        expect(service.uses).toContain(load.use)
      }
      if (service.defaultUse) expect(service.uses).toContain(service.defaultUse)
    }
    expect(serviceByCode('resident')?.defaultUse).toBe('home')
    expect(serviceByCode('lv-business')?.defaultUse).toBeUndefined()
  })
})
