import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { MaterialView } from '@/contract/licences'
import { callApi } from '@/lib/http/client'
import { ApiError } from '@/lib/http/api-error'
import { taroStorage } from '@/lib/storage/taro-storage'
import { randomId } from '@/lib/id'
import type { DraftAnswers, JointDraft, Section } from '../draft-answers'
import type { StepId } from '../steps'
import { migrateDraft, DRAFT_STORE_VERSION } from './draft-migrations'

export type SyncState = 'idle' | 'saving' | 'saved' | 'offline'

export interface DraftState {
  draftId: string | null
  /** the server's version of the draft this device last saw */
  serverVersion: number
  answers: DraftAnswers
  page: StepId
  /** masked views of the materials attached, for the check page (never full data) */
  materials: Record<string, MaterialView>
  /** one key per submission attempt: kept until an answer arrives, so a retry cannot make a second application */
  submitKey: string | null
  sync: SyncState
  setService: (service: NonNullable<DraftAnswers['service']>) => void
  update: <S extends Section>(section: S, patch: NonNullable<DraftAnswers[S]>) => void
  /** the services added to the electricity application (同时办理), with their answers and consents */
  setJoint: (joint: JointDraft[]) => void
  rememberMaterial: (view: MaterialView) => void
  setPage: (page: StepId) => void
  /** saves to the server; a network failure keeps everything local and marks the draft offline */
  save: () => Promise<void>
  /** takes the server's draft when this device has none (another device, or storage cleared) */
  resume: () => Promise<void>
  submitKeyFor: () => string
  clear: () => void
  /** deletes the draft here and on the server, with the photos and files only it uses; kept when the server cannot be reached */
  discard: () => Promise<void>
}

const empty = { draftId: null, serverVersion: 0, answers: {}, page: 'service' as StepId, materials: {}, submitKey: null }

/** The save in flight (or the last one): the next save waits for it. */
let saving: Promise<void> = Promise.resolve()

export const useDraft = create<DraftState>()(
  persist(
    (set, get) => ({
      ...empty,
      sync: 'idle',
      setService: (service) => set((s) => ({ answers: { ...s.answers, service } })),
      setJoint: (joint) => set((s) => ({ answers: { ...s.answers, joint } })),
      update: (section, patch) => set((s) => ({ answers: { ...s.answers, [section]: { ...(s.answers[section] as object | undefined), ...patch } } })),
      rememberMaterial: (view) => set((s) => ({ materials: { ...s.materials, [view.materialId]: view } })),
      setPage: (page) => set({ page }),
      // Saves run one after another, each with the version the previous one got back: two pages saving in quick
      // succession (继续, then 继续) no longer race each other into a 409.
      save: () => {
        const run = saving.catch(() => undefined).then(async () => {
          const { answers, page, serverVersion } = get()
          set({ sync: 'saving' })
          try {
            const body = { answers: answers as Record<string, unknown>, page, version: serverVersion }
            const saved = await callApi('draftSave', { body }).catch(async (e: unknown) => {
              // Another device saved meanwhile: this device is the one being edited now, so it writes over it.
              if (!(e instanceof ApiError) || e.code !== 'CONFLICT') throw e
              const current = await callApi('draftGet')
              return callApi('draftSave', { body: { ...body, version: current?.version ?? 0 } })
            })
            set({ draftId: saved.draftId, serverVersion: saved.version, sync: 'saved' })
          } catch (e) {
            set({ sync: e instanceof ApiError && e.retryable ? 'offline' : 'idle' })
            if (!(e instanceof ApiError && e.retryable)) throw e
          }
        })
        saving = run
        return run
      },
      resume: async () => {
        if (get().draftId || Object.keys(get().answers).length > 0) return
        const d = await callApi('draftGet')
        if (d) set({ draftId: d.draftId, serverVersion: d.version, answers: d.answers as DraftAnswers, page: d.page as StepId })
      },
      submitKeyFor: () => {
        const key = get().submitKey ?? randomId('sub-')
        set({ submitKey: key })
        return key
      },
      clear: () => set({ ...empty, sync: 'idle' }),
      discard: async () => {
        await callApi('draftDiscard')
        get().clear()
      },
    }),
    {
      name: 'wz-draft',
      storage: taroStorage,
      version: DRAFT_STORE_VERSION,
      partialize: ({ draftId, serverVersion, answers, page, materials, submitKey }) => ({ draftId, serverVersion, answers, page, materials, submitKey }),
      migrate: migrateDraft,
    },
  ),
)
