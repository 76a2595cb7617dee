export { BAD_GRADE_MAX, oversightMonth, ratingFigures, SATISFIED_GRADE_MIN, type OversightInput } from './month'
export { INDICATORS, oversightTrend, trendMonths, type Indicator } from './indicators'
