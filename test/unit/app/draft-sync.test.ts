import { reconcile, type LocalCopy } from '../../../src/features/apply/stores/draft-sync'

const server = (version: number, draftId = 'd1') => ({ draftId, version, answers: { service: 'resident' }, page: 'load', updatedAt: '2026-11-26T08:00:00.000Z' })
const local = (patch: Partial<LocalCopy> = {}): LocalCopy => ({ ownerId: 'u1', draftId: 'd1', serverVersion: 2, dirty: false, hasAnswers: true, ...patch })

describe('meeting the account\'s draft on the server', () => {
  it('should take the server\'s copy when this phone has nothing (a new browser, storage cleared)', () => {
    expect(reconcile(local({ ownerId: null, draftId: null, serverVersion: 0, hasAnswers: false }), server(3), 'u1')).toBe('take')
  })

  it('should take a newer server copy when this phone changed nothing since its last save', () => {
    expect(reconcile(local(), server(5), 'u1')).toBe('take')
  })

  it('should keep the same version, and push unsaved changes made offline', () => {
    expect(reconcile(local(), server(2), 'u1')).toBe('keep')
    expect(reconcile(local({ dirty: true }), server(2), 'u1')).toBe('push')
    expect(reconcile(local({ draftId: null, serverVersion: 0, dirty: true }), null, 'u1')).toBe('push')
  })

  it('should ask when both this phone and another changed the draft', () => {
    expect(reconcile(local({ dirty: true }), server(5), 'u1')).toBe('conflict')
    expect(reconcile(local({ draftId: null, serverVersion: 0, dirty: true }), server(1, 'd7'), 'u1')).toBe('conflict')
  })

  it('should forget a copy submitted or discarded elsewhere, and another account\'s copy', () => {
    expect(reconcile(local({ dirty: true }), null, 'u1')).toBe('forget')
    expect(reconcile(local({ ownerId: 'u2', dirty: true }), null, 'u1')).toBe('forget')
    expect(reconcile(local({ ownerId: 'u2', dirty: true }), server(1, 'd9'), 'u1')).toBe('take')
  })

  it('should adopt a copy kept from before drafts had an owner', () => {
    expect(reconcile(local({ ownerId: null }), server(2), 'u1')).toBe('keep')
  })
})
