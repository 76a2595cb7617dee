import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { Draft } from '@/contract/applications'
import type { MaterialView } from '@/contract/licences'
import { ApiError } from '@/lib/http/api-error'
import { taroStorage } from '@/lib/storage/taro-storage'
import { randomId } from '@/lib/id'
import { useSession } from '@/features/auth/stores/session-store'
import { discardDraft, fetchDraft, saveDraft } from '../api/drafts'
import type { DraftAnswers, JointDraft, Section } from '../draft-answers'
import { resumePage, type StepId } from '../steps'
import { migrateDraft, DRAFT_STORE_VERSION } from './draft-migrations'
import { reconcile } from './draft-sync'

export type SyncState = 'idle' | 'saving' | 'saved' | 'offline' | 'conflict'

/** Both this device and another changed the draft: the server's copy (null: submitted or discarded there). */
export interface DraftConflict {
  server: Draft | null
}

export interface DraftState {
  /** the account the draft belongs to (a draft follows its account, not the phone) */
  ownerId: string | null
  draftId: string | null
  /** the server's version of the draft this device last saw */
  serverVersion: number
  /** changed here since the last save the server acknowledged */
  dirty: boolean
  answers: DraftAnswers
  page: StepId
  /** masked views of the materials attached, for the check page (never full data) */
  materials: Record<string, MaterialView>
  /** one key per submission attempt: kept until an answer arrives, so a retry cannot make a second application */
  submitKey: string | null
  /** the application this device submitted last, until a new draft is started: the wizard's pages lead there */
  submittedNumber: string | null
  sync: SyncState
  conflict: DraftConflict | null
  setService: (service: NonNullable<DraftAnswers['service']>) => void
  update: <S extends Section>(section: S, patch: NonNullable<DraftAnswers[S]>) => void
  /** the services added to the electricity application (同时办理), with their answers and consents */
  setJoint: (joint: (JointDraft | undefined)[]) => void
  rememberMaterial: (view: MaterialView) => void
  setPage: (page: StepId) => void
  /** saves to the server; a network failure keeps everything local and marks the draft offline; a newer copy there is a conflict */
  save: () => Promise<void>
  /** meets the account's draft on the server: takes it, keeps or pushes this one, or asks (a conflict) */
  follow: (userId: string) => Promise<void>
  /** resolves a conflict with the server's copy */
  takeServerCopy: () => void
  /** resolves a conflict by writing this device's answers over the server's copy */
  keepMine: () => Promise<void>
  submitKeyFor: () => string
  /** forgets the draft here (it is on the server, or was submitted as `submittedNumber`) */
  clear: (submittedNumber?: string) => void
  /** deletes the draft here and on the server, with the photos and files only it uses; kept when the server cannot be reached */
  discard: () => Promise<void>
}

const empty = {
  ownerId: null, draftId: null, serverVersion: 0, dirty: false, answers: {}, page: 'service' as StepId, materials: {},
  submitKey: null, submittedNumber: null, conflict: null,
}
const edited = { dirty: true, submittedNumber: null }

/** The save or sync in flight (or the last one): the next one waits for it. */
let queue: Promise<void> = Promise.resolve()
const enqueue = (job: () => Promise<void>): Promise<void> => {
  const run = queue.catch(() => undefined).then(job)
  queue = run
  return run
}

const currentUser = () => useSession.getState().me?.userId ?? null

export const useDraft = create<DraftState>()(
  persist(
    (set, get) => {
      const takeCopy = (d: Draft, ownerId = currentUser()) => set({
        ownerId, draftId: d.draftId, serverVersion: d.version, answers: d.answers as DraftAnswers,
        page: resumePage(d.page), materials: {}, dirty: false, conflict: null, sync: 'idle', submitKey: null, submittedNumber: null,
      })
      // One save: with the version last seen; a CONFLICT keeps everything here and asks the applicant which copy wins.
      const saveNow = async () => {
        const { answers, page, serverVersion } = get()
        set({ sync: 'saving', dirty: false })
        try {
          const saved = await saveDraft({ answers: answers as Record<string, unknown>, page, version: serverVersion })
          set({ draftId: saved.draftId, serverVersion: saved.version, ownerId: get().ownerId ?? currentUser(), sync: 'saved' })
        } catch (e) {
          set({ dirty: true })
          if (e instanceof ApiError && e.code === 'CONFLICT') {
            set({ conflict: { server: await fetchDraft() }, sync: 'conflict' })
            return
          }
          set({ sync: e instanceof ApiError && e.retryable ? 'offline' : 'idle' })
          if (!(e instanceof ApiError && e.retryable)) throw e
        }
      }
      return {
        ...empty,
        sync: 'idle',
        setService: (service) => set((s) => ({ ...edited, answers: { ...s.answers, service } })),
        setJoint: (joint) => set((s) => ({ answers: { ...s.answers, joint: joint.filter((p): p is JointDraft => p !== undefined) } })),
      update: (section, patch) => set((s) => ({ ...edited, answers: { ...s.answers, [section]: { ...(s.answers[section] as object | undefined), ...patch } } })),
        rememberMaterial: (view) => set((s) => ({ materials: { ...s.materials, [view.materialId]: view } })),
        setPage: (page) => set({ page, dirty: true }),
        // Saves run one after another, each with the version the previous one got back: two pages saving in quick
        // succession (继续, then 继续) never race each other into a CONFLICT.
        save: () => enqueue(async () => { if (!get().conflict) await saveNow() }),
        follow: (userId) => enqueue(async () => {
          const server = await fetchDraft()
          const s = get()
          const action = reconcile({ ...s, hasAnswers: Object.keys(s.answers).length > 0 }, server, userId)
          if (action === 'take' && server) takeCopy(server, userId)
          else if (action === 'forget') set({ ...empty, sync: 'idle', submittedNumber: s.submittedNumber })
          else if (action === 'conflict') set({ conflict: { server }, sync: 'conflict' })
          if (action !== 'forget' && action !== 'take') set({ ownerId: userId })
          if (action === 'push') await saveNow()
        }),
        takeServerCopy: () => {
          const server = get().conflict?.server
          if (server) takeCopy(server)
          else set({ ...empty, sync: 'idle' })
        },
        keepMine: () => enqueue(async () => {
          const server = get().conflict?.server
          set({ conflict: null, draftId: server?.draftId ?? null, serverVersion: server?.version ?? 0 })
          await saveNow()
        }),
        submitKeyFor: () => {
          const key = get().submitKey ?? randomId('sub-')
          set({ submitKey: key })
          return key
        },
        clear: (submittedNumber) => set({ ...empty, sync: 'idle', submittedNumber: submittedNumber ?? null }),
        discard: async () => {
          await discardDraft()
          get().clear()
        },
      }
    },
    {
      name: 'wz-draft',
      storage: taroStorage,
      version: DRAFT_STORE_VERSION,
      partialize: ({ ownerId, draftId, serverVersion, dirty, answers, page, materials, submitKey, submittedNumber }) =>
        ({ ownerId, draftId, serverVersion, dirty, answers, page, materials, submitKey, submittedNumber }),
      migrate: migrateDraft,
    },
  ),
)

// The draft follows the account: signing in (or this store first loading for a signed-in user: the page the app
// opened on may have signed in before any page needed drafts) meets the server's copy; signing out forgets a copy
// the server has.
const followQuietly = (userId: string) => void useDraft.getState().follow(userId).catch(() => undefined)
const signedInAs = useSession.getState().session ? useSession.getState().me?.userId : undefined
if (signedInAs) followQuietly(signedInAs)
useSession.subscribe((s, before) => {
  const userId = s.me?.userId
  if (userId && userId !== before.me?.userId) followQuietly(userId)
  if (!s.session && before.session && !useDraft.getState().dirty) useDraft.getState().clear()
})
