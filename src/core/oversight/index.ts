export { BAD_GRADE_MAX, oversightMonth, ratingFigures, SATISFIED_GRADE_MIN, type LeadRecord, type OversightInput } from './month'
export { INDICATORS, oversightTrend, trendMonths, type Indicator } from './indicators'
export { MIN_PUBLIC_CASES, publicTimes } from './public'
export { figureDifferences } from './differences'
