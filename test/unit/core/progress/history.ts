// Builds histories for the progress tests: times are China local (UTC+8), written 'YYYY-MM-DD HH:mm'.
import { calendar } from '@/core/calendar/calendar'
import type { Service } from '@/core/services'
import { deriveProgress, type ProgressEvent } from '@/core/progress'

export const cn = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`).toISOString()

export function history() {
  const events: ProgressEvent[] = []
  const add = (type: string, local: string, stage: string | null = null, payload: Record<string, unknown> = {}, correctsId: number | null = null) => {
    const event = { id: events.length + 1, type, stage, at: cn(local), payload, correctsId }
    events.push(event)
    return event
  }
  return {
    events,
    add,
    /** submitted, and the first stage started, as the submit endpoint records them */
    submit: (local: string, firstStage: string) => { add('submitted', local); add('stage-started', local, firstStage) },
    stage: (code: string, from: string, to?: string, payload: Record<string, unknown> = {}) => {
      add('stage-started', from, code, payload)
      if (to) add('stage-finished', to, code, payload)
    },
  }
}

export function derive(service: Service, h: ReturnType<typeof history>, nowLocal: string) {
  return deriveProgress({ service, submittedAt: h.events[0].at, events: h.events, now: new Date(cn(nowLocal)), calendar })
}
