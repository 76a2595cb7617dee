export { deriveProgress, type Progress, type ProgressInput } from './derive'
export { effectiveEvents, EVENT_TYPES, externalWorksIn, type ProgressEvent } from './events'
export { applyEvent, caseFacts, emptyFacts, isClosedState, isFinished, isRunning, isStarted, type CaseFacts, type ClosedType, type PauseInterval } from './case-facts'
export { findStage, stageName, type StagePlace } from './stages'
export { usedWorkingDays } from './working-days'
export {
  clockStopRefusal, MAX_AWAIT_DAYS, PAUSE_REASON_CODES, PAUSE_REASONS, pauseReason, supplementableMaterials,
  type AskedMaterial, type ClockStop, type PauseReason, type PauseReasonCode,
} from './clock-stops'
export { stageGaps, type StageGap } from './stage-gaps'
export { lapsingResults, type LapsingResult } from './validity'
