import { nextStep, stepPosition, stepsFor, pagePath } from '../../../src/features/apply/steps'
import { stepOfPath } from '../../../src/features/apply/submit'

describe('journey steps', () => {
  it('should have seven steps for low voltage, ending with the signature', () => {
    expect(stepsFor({ service: 'lv-business' }).map((s) => s.id)).toEqual(['service', 'applicant', 'address', 'load', 'licences', 'check', 'sign'])
    expect(nextStep('check', { service: 'lv-business' })).toBe('sign')
    expect(nextStep('sign', { service: 'resident' })).toBe('submit')
  })

  it('should skip signing for 10 kV, where the contract is signed at 装表接电', () => {
    expect(stepsFor({ service: 'hv-10kv' }).map((s) => s.id)).not.toContain('sign')
    expect(nextStep('check', { service: 'hv-10kv' })).toBe('submit')
    expect(stepPosition('check', { service: 'hv-10kv' })).toEqual({ index: 6, total: 6 })
  })

  it('should add the 同时办理 and consent pages only when water, gas or telecom is added', () => {
    const joint = [{ service: 'water-connect' }]
    expect(stepsFor({ service: 'lv-business', joint }).map((s) => s.id))
      .toEqual(['service', 'applicant', 'address', 'load', 'joint', 'licences', 'share', 'check', 'sign'])
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
    expect(stepOfPath('signature.contractHash')).toBe('sign')
    expect(stepOfPath('answers.joint.1.answers.people')).toBe('joint')
    expect(stepOfPath('answers.joint.0.consent')).toBe('share')
    expect(stepOfPath('answers.service')).toBe('service')
  })
})
