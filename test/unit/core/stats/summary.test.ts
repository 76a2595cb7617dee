import { mean, median, nearestRank, share } from '@/core/stats'

describe('summary statistics', () => {
  it('should answer null, not NaN, for no values', () => {
    expect([mean([]), median([]), nearestRank([], 90), share(0, 0)]).toEqual([null, null, null, null])
  })

  it('should give the mean to one decimal and the median of an even count as the mean of the middle two', () => {
    expect(mean([5, 5, 9])).toBe(6.3)
    expect(median([9, 1, 4, 3])).toBe(3.5)
    expect(median([7, 3, 5])).toBe(5)
  })

  it('should take p90 by nearest rank: the ⌈0.9·n⌉-th smallest, always an observed value', () => {
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9)
    expect(nearestRank([10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11], 90)).toBe(10)
    expect(nearestRank([4], 90)).toBe(4)
  })

  it('should give a share to three decimals', () => {
    expect([share(2, 3), share(3, 4), share(0, 5)]).toEqual([0.667, 0.75, 0])
  })
})
