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

  it('should write over a newer server copy after a conflict, using the server\'s version', async () => {
    api
      .mockRejectedValueOnce(new ApiError('CONFLICT', '操作冲突', [], 409))
      .mockResolvedValueOnce({ draftId: 'd9', version: 4, answers: {}, page: 'load', updatedAt: '2026-11-26T08:00:00.000Z' })
      .mockResolvedValueOnce({ draftId: 'd9', version: 5, answers: {}, page: 'service', updatedAt: '2026-11-26T08:00:01.000Z' })
    await useDraft.getState().save()
    expect(api.mock.calls[2]).toEqual(['draftSave', { body: { answers: {}, page: 'service', version: 4 } }])
    expect(useDraft.getState().serverVersion).toBe(5)
  })
})

describe('draft migration', () => {
  it('should turn unreadable stored data into an empty draft instead of crashing', () => {
    expect(migrateDraft('garbage', 0)).toEqual({ draftId: null, serverVersion: 0, answers: {}, page: 'service', materials: {}, submitKey: null })
  })

  it('should keep the answers and drop fields of the wrong type or an unknown page', () => {
    const m = migrateDraft({ answers: { service: 'resident' }, page: 'no-such-page', serverVersion: -2, draftId: 7, submitKey: 'k1' }, 0)
    expect(m).toEqual({ draftId: null, serverVersion: 0, answers: { service: 'resident' }, page: 'service', materials: {}, submitKey: 'k1' })
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
