/** @jest-environment jsdom */
import { render } from '@testing-library/react'
import { MaterialCard } from '../../../src/features/apply/components/licences/material-card'
import type { MaterialView } from '../../../src/contract/licences'

const view = (patch: Partial<MaterialView>): MaterialView => ({
  materialId: 'm1', kind: 'property', source: 'paper-qr', typeName: '不动产权证书', identifier: '1', identifierValid: true, address: null,
  status: 'current', refusal: null, holderNameMasked: '赵*', numberMasked: '渝(2023)万州区不动产权第****341号', facts: [],
  validTo: null, needsReview: false, ...patch,
})

describe('MaterialCard', () => {
  it('should give a usable licence its identifier check', () => {
    expect(render(<MaterialCard view={view({})} />).container.textContent).toContain('✓ 电子证照标识校验通过')
  })

  it('should give a cancelled or expired licence one verdict: its refusal, never a ✓', () => {
    for (const status of ['cancelled', 'expired'] as const) {
      const text = render(<MaterialCard view={view({ status, refusal: '该证照已注销，不能使用' })} />).container.textContent ?? ''
      expect(text).toContain('该证照已注销，不能使用')
      expect(text).not.toContain('✓')
    }
  })
})
