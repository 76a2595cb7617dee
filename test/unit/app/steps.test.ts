import { nextStep, resumePage, stepPosition, stepsFor, pagePath } from '../../../src/features/apply/steps'
import { stepOfPath } from '../../../src/features/apply/submit'

describe('journey steps', () => {
  it('should have six steps for low voltage and 10 kV alike, the contract signed on the check page', () => {
    for (const service of ['lv-business', 'resident', 'hv-10kv'] as const) {
      expect(stepsFor({ service }).map((s) => s.id)).toEqual(['service', 'applicant', 'address', 'load', 'licences', 'check'])
      expect(nextStep('check', { service })).toBe('submit')
      expect(stepPosition('check', { service })).toEqual({ index: 6, total: 6 })
    }
  })

  it('should resume a draft left on the retired 签署合同 page at 核对信息, and an unknown page at the start', () => {
    expect([resumePage('sign'), resumePage('load'), resumePage('nowhere'), resumePage(undefined)]).toEqual(['check', 'load', 'service', 'service'])
  })

  it('should add the 同时办理 and consent pages only when water, gas or telecom is added', () => {
    const joint = [{ service: 'water-connect' }]
    expect(stepsFor({ service: 'lv-business', joint }).map((s) => s.id))
      .toEqual(['service', 'applicant', 'address', 'load', 'joint', 'licences', 'share', 'check'])
    expect(nextStep('load', { service: 'lv-business', joint })).toBe('joint')
    expect(nextStep('load', { service: 'lv-business', joint: [] })).toBe('licences')
    expect(nextStep('licences', { service: 'hv-10kv', joint })).toBe('share')
  })

  it('should place every page in the apply subpackage', () => {
    expect(pagePath('licences')).toBe('/packages/apply/pages/licences/index')
  })

  it('should send each server-reported field to the page that asked for it', () => {
    expect(stepOfPath('answers.applicant.creditCode')).toBe('applicant')
    expect(stepOfPath('answers.materials.idCard')).toBe('licences')
    expect(stepOfPath('address.detail')).toBe('address')
    expect(stepOfPath('signature.contractHash')).toBe('check')
    expect(stepOfPath('answers.joint.1.answers.people')).toBe('joint')
    expect(stepOfPath('answers.joint.0.consent')).toBe('share')
    expect(stepOfPath('answers.service')).toBe('service')
  })
})
