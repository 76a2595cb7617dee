import { followCapacity } from '@/features/apply/capacity-follow'

describe('followCapacity: the service follows the capacity as it is typed', () => {
  it('should keep a low-voltage choice up to 160 kW and say nothing', () => {
    expect(followCapacity('lv-business', 20)).toEqual({ service: 'lv-business', notice: { moved: false, text: '报装容量20千瓦，可以低压接入，按低压非居民新装（小微企业）办理' } })
    expect(followCapacity('lv-business', 160).service).toBe('lv-business')
    expect(followCapacity('resident', undefined)).toEqual({ service: 'resident' })
    expect(followCapacity('resident', Number.NaN)).toEqual({ service: 'resident' })
  })

  it('should move to 10 kV above 160 kW at once, saying why, what changes and that a typo fixed moves it back', () => {
    const moved = followCapacity('lv-business', 200)
    expect(moved.service).toBe('hv-10kv')
    expect(moved.notice?.moved).toBe(true)
    expect(moved.notice?.text).toContain('报装容量200千瓦，超过低压接入上限160千瓦，需按高压新装（10千伏）办理，已为您改选')
    expect(moved.notice?.text).toContain('全流程平均不超过28个工作日')
    expect(moved.notice?.text).toContain('改正容量后会自动改回低压非居民新装（小微企业）')
    expect(followCapacity('resident', 161).service).toBe('hv-10kv')
  })

  it('should leave a 10 kV choice alone at any figure', () => {
    expect(followCapacity('hv-10kv', 20).service).toBe('hv-10kv')
    expect(followCapacity('hv-10kv', 2000).service).toBe('hv-10kv')
  })
})
