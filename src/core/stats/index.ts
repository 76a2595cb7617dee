export { clockAt, workingDayIndex, type ClockNow, type StoredClock } from './clock'
export { caseFigures, type CaseFigures, type FiguresInput, type StageFigure } from './case-figures'
export { monthBounds, monthlyStats, reportMoment, shiftMonth, type CaseRecord, type DisputeRecord, type MonthInput, type RatingRecord } from './monthly'
export { mean, median, nearestRank, round, share } from './summary'
