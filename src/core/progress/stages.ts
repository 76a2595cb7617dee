// Finding a stage or a 10 kV checkpoint of a service by its code.
import type { Service, Stage } from '../services'

export interface StagePlace {
  stage: Stage
  /** the stage a checkpoint lies inside (外部工程实施); undefined for a top-level stage */
  parent?: Stage
  /** the stages or checkpoints it is ordered among */
  siblings: Stage[]
  index: number
}

export function findStage(service: Service, code: string | null): StagePlace | undefined {
  if (!code) return undefined
  for (const [index, stage] of service.stages.entries()) {
    if (stage.code === code) return { stage, siblings: service.stages, index }
    const checkpoints = stage.checkpoints ?? []
    const at = checkpoints.findIndex((c) => c.code === code)
    if (at >= 0) return { stage: checkpoints[at], parent: stage, siblings: checkpoints, index: at }
  }
  return undefined
}

/** The stage's name, or the code itself when the service has no such stage. */
export function stageName(service: Service, code: string | null): string {
  return findStage(service, code)?.stage.name ?? code ?? ''
}
