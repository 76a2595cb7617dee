/** @jest-environment jsdom */
import { act, renderHook } from '@testing-library/react'

jest.mock('../../../src/lib/http/client', () => ({ callApi: jest.fn(), setSessionHooks: jest.fn(), currentToken: () => undefined }))
import { useDraft } from '../../../src/features/apply/stores/draft-store'
import { useStep } from '../../../src/features/apply/use-step'

beforeEach(() => useDraft.getState().clear())

describe('useStep', () => {
  it('should show errors on Continue only, and drop each one as soon as its field is fixed', async () => {
    const { result } = renderHook(() => useStep('address'))
    act(() => useDraft.getState().update('address', { detail: '短' }))
    expect(result.current.errors).toEqual([]) // nothing while typing
    await act(async () => { await result.current.proceed() })
    expect(result.current.errors.map((e) => e.path)).toEqual(['address.townshipCode', 'address.detail'])
    act(() => useDraft.getState().update('address', { detail: '白岩路128号2幢3-1' }))
    expect(result.current.errors.map((e) => e.path)).toEqual(['address.townshipCode'])
    act(() => useDraft.getState().update('address', { townshipCode: '500101001' }))
    expect(result.current.errors).toEqual([])
  })

  it('should not add new errors while the user edits after a failed Continue', async () => {
    const { result } = renderHook(() => useStep('address'))
    act(() => useDraft.getState().update('address', { townshipCode: '500101001', detail: 'x' }))
    await act(async () => { await result.current.proceed() })
    expect(result.current.errors.map((e) => e.path)).toEqual(['address.detail'])
    act(() => useDraft.getState().update('address', { townshipCode: '' }))
    expect(result.current.errors.map((e) => e.path)).toEqual(['address.detail'])
  })
})
