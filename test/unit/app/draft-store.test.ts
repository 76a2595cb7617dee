import Taro from '@tarojs/taro'
import { ApiError } from '../../../src/lib/http/api-error'

jest.mock('../../../src/lib/http/client', () => ({ callApi: jest.fn(), setSessionHooks: jest.fn(), currentToken: () => undefined }))
import { callApi } from '../../../src/lib/http/client'
import { useDraft } from '../../../src/features/apply/stores/draft-store'
import { migrateDraft, DRAFT_STORE_VERSION } from '../../../src/features/apply/stores/draft-migrations'

const api = callApi as jest.MockedFunction<typeof callApi>
const storage = (Taro as unknown as { __storage: Map<string, string> }).__storage
const stored = () => JSON.parse(storage.get('wz-draft') ?? '{}') as { state: Record<string, unknown>; version: number }

beforeEach(() => {
  api.mockReset()
  useDraft.getState().clear()
})

describe('draft store', () => {
  it('should merge a section patch without losing the section\'s other answers', () => {
    useDraft.getState().update('address', { townshipCode: '500101138' })
    useDraft.getState().update('address', { detail: '演示街9号' })
    expect(useDraft.getState().answers.address).toEqual({ townshipCode: '500101138', detail: '演示街9号' })
  })

  it('should persist answers, page and ids synchronously, but not the transient sync state', () => {
    useDraft.getState().setService('resident')
    useDraft.getState().setPage('address')
    const saved = stored()
    expect(saved.version).toBe(DRAFT_STORE_VERSION)
    expect(saved.state.answers).toEqual({ service: 'resident' })
    expect(saved.state.page).toBe('address')
    expect(saved.state).not.toHaveProperty('sync')
  })

  it('should resume from storage on the same page when the app is reopened', async () => {
    storage.set('wz-draft', JSON.stringify({ state: { answers: { service: 'hv-10kv' }, page: 'load', draftId: 'd1', serverVersion: 3, materials: {}, submitKey: null }, version: DRAFT_STORE_VERSION }))
    await useDraft.persist.rehydrate()
    expect(useDraft.getState().page).toBe('load')
    expect(useDraft.getState().answers.service).toBe('hv-10kv')
    expect(useDraft.getState().serverVersion).toBe(3)
  })

  it('should keep one submit key until the draft is cleared', () => {
    const key = useDraft.getState().submitKeyFor()
    expect(useDraft.getState().submitKeyFor()).toBe(key)
    expect(stored().state.submitKey).toBe(key)
    useDraft.getState().clear()
    expect(useDraft.getState().submitKeyFor()).not.toBe(key)
  })

  it('should keep everything locally and say offline when saving fails on the network', async () => {
    useDraft.getState().setService('lv-business')
    api.mockRejectedValueOnce(ApiError.client('NETWORK'))
    await useDraft.getState().save()
    expect(useDraft.getState().sync).toBe('offline')
    expect(useDraft.getState().answers.service).toBe('lv-business')
  })

  it('should record the server version after a save', async () => {
    api.mockResolvedValueOnce({ draftId: 'd9', version: 1, answers: {}, page: 'service', updatedAt: '2026-11-26T08:00:00.000Z' })
    await useDraft.getState().save()
    expect(api).toHaveBeenCalledWith('draftSave', { body: { answers: {}, page: 'service', version: 0 } })
    expect(useDraft.getState()).toMatchObject({ draftId: 'd9', serverVersion: 1, sync: 'saved' })
  })

  it('should keep this phone\'s answers after a conflict and ask, writing over the server\'s copy only on 保留我的修改', async () => {
    const newer = { draftId: 'd9', version: 4, answers: { service: 'resident' }, page: 'load', updatedAt: '2026-11-26T08:00:00.000Z' }
    useDraft.getState().setService('lv-business')
    api
      .mockRejectedValueOnce(new ApiError('CONFLICT', '草稿已在其他地方更新，请刷新后再修改', [], 409))
      .mockResolvedValueOnce(newer)
    await useDraft.getState().save()
    expect(useDraft.getState()).toMatchObject({ sync: 'conflict', conflict: { server: newer }, answers: { service: 'lv-business' }, dirty: true })
    // no further save goes out while the applicant has not chosen
    await useDraft.getState().save()
    expect(api).toHaveBeenCalledTimes(2)

    api.mockResolvedValueOnce({ ...newer, version: 5, answers: { service: 'lv-business' } })
    await useDraft.getState().keepMine()
    expect(api.mock.calls[2]).toEqual(['draftSave', { body: { answers: { service: 'lv-business' }, page: 'service', version: 4 } }])
    expect(useDraft.getState()).toMatchObject({ conflict: null, serverVersion: 5, sync: 'saved', dirty: false })
  })

  it('should take the server\'s copy on 使用最新版本', async () => {
    const newer = { draftId: 'd9', version: 4, answers: { service: 'resident' }, page: 'load', updatedAt: '2026-11-26T08:00:00.000Z' }
    useDraft.getState().setService('lv-business')
    api.mockRejectedValueOnce(new ApiError('CONFLICT', '冲突', [], 409)).mockResolvedValueOnce(newer)
    await useDraft.getState().save()
    useDraft.getState().takeServerCopy()
    expect(useDraft.getState()).toMatchObject({ conflict: null, draftId: 'd9', serverVersion: 4, answers: { service: 'resident' }, page: 'load', dirty: false })
  })
})

describe('a draft follows its account', () => {
  const theirs = { draftId: 'd3', version: 3, answers: { service: 'resident', address: { detail: '白岩路128号' } }, page: 'address', updatedAt: '2026-11-26T08:00:00.000Z' }

  it('should fetch the server\'s draft on a new phone, so the first save carries its version (no 409)', async () => {
    api.mockResolvedValueOnce(theirs)
    await useDraft.getState().follow('u1')
    expect(useDraft.getState()).toMatchObject({ ownerId: 'u1', draftId: 'd3', serverVersion: 3, page: 'address', answers: theirs.answers })
    api.mockResolvedValueOnce({ ...theirs, version: 4 })
    useDraft.getState().update('address', { detail: '白岩路130号' })
    await useDraft.getState().save()
    expect(api.mock.calls[1][1]).toMatchObject({ body: { version: 3 } })
  })

  it('should forget the draft here once it was submitted or discarded elsewhere', async () => {
    useDraft.setState({ ownerId: 'u1', draftId: 'd3', serverVersion: 3, answers: theirs.answers as never, dirty: false })
    api.mockResolvedValueOnce(null)
    await useDraft.getState().follow('u1')
    expect(useDraft.getState()).toMatchObject({ draftId: null, answers: {}, ownerId: null })
  })

  it('should remember which application this phone submitted until a new draft is started', () => {
    useDraft.getState().setService('resident')
    useDraft.getState().clear('WZ20261127000001')
    expect(useDraft.getState()).toMatchObject({ answers: {}, submittedNumber: 'WZ20261127000001' })
    expect(stored().state.submittedNumber).toBe('WZ20261127000001')
    useDraft.getState().setService('resident')
    expect(useDraft.getState().submittedNumber).toBeNull()
  })
})

describe('draft migration', () => {
  it('should turn unreadable stored data into an empty draft instead of crashing', () => {
    expect(migrateDraft('garbage', 0)).toEqual({ ownerId: null, draftId: null, serverVersion: 0, dirty: false, answers: {}, page: 'service', materials: {}, submitKey: null, submittedNumber: null })
  })

  it('should keep the answers and drop fields of the wrong type or an unknown page', () => {
    const m = migrateDraft({ answers: { service: 'resident' }, page: 'no-such-page', serverVersion: -2, draftId: 7, submitKey: 'k1' }, 0)
    expect(m).toEqual({ ownerId: null, draftId: null, serverVersion: 0, dirty: true, answers: { service: 'resident' }, page: 'service', materials: {}, submitKey: 'k1', submittedNumber: null })
  })
})

describe('draft saves in quick succession', () => {
  it('should send the second save with the version the first got back, never racing into a CONFLICT', async () => {
    const versions: unknown[] = []
    let version = 0
    api.mockImplementation((async (id: string, input?: { body?: { version?: number } }) => {
      if (id !== 'draftSave') throw new Error(`unexpected ${id}`)
      const sent = input?.body?.version ?? 0
      versions.push(sent)
      await new Promise((r) => setTimeout(r, 5))
      if (sent !== version) throw new ApiError('CONFLICT', '草稿已在其他地方更新，请刷新后再修改', [], 409)
      version += 1
      return { draftId: 'd1', version, savedAt: new Date().toISOString() }
    }) as unknown as typeof callApi)
    useDraft.getState().update('address', { detail: '白岩路128号' })
    await Promise.all([useDraft.getState().save(), useDraft.getState().save(), useDraft.getState().save()])
    expect(versions).toEqual([0, 1, 2])
    expect(useDraft.getState().serverVersion).toBe(3)
  })
})
