import { addressFromLocation } from '@/core/address-match'
import { TOWNSHIPS, townshipByCode } from '@/core/wanzhou'

// Section 7 of the domain reference, verbatim.
const SECTION_7 = {
  街道: '001 高笋塘, 017 太白, 018 牌楼, 019 双河口, 020 龙都, 021 周家坝, 022 沙河, 023 钟鼓楼, 024 百安坝, 025 五桥, 026 陈家坝, 027 高峰, 028 天城, 029 九池',
  镇: '109 小周, 110 大周, 123 新乡, 132 孙家, 135 龙沙, 136 响水, 137 武陵, 138 瀼渡, 139 甘宁, 141 熊家, 142 高梁, 143 李河, 144 分水, 145 余家, 146 后山, 147 弹子, 148 长岭, 149 新田, 150 白羊, 151 龙驹, 152 走马, 153 罗田, 154 太龙, 155 长滩, 156 太安, 157 白土, 158 郭村',
  乡: '201 柱山, 212 铁峰, 225 溪口, 226 长坪, 227 燕山, 234 梨树, 237 普子, 238 地宝土家族乡, 239 恒合土家族乡, 244 黄柏, 247 茨竹',
}
const expected = Object.entries(SECTION_7).flatMap(([kind, list]) =>
  list.split(', ').map((entry) => {
    const [suffix, name] = entry.split(' ')
    return { code: `500101${suffix}`, name: name.endsWith(kind) ? name : name + kind, kind }
  }),
)

describe('TOWNSHIPS', () => {
  it('should hold exactly 52 units when counted', () => {
    expect(TOWNSHIPS).toHaveLength(52)
  })

  it('should split 14 街道, 27 镇 and 11 乡', () => {
    const count = (kind: string) => TOWNSHIPS.filter((t) => t.kind === kind).length
    expect([count('街道'), count('镇'), count('乡')]).toEqual([14, 27, 11])
  })

  it('should match section 7 exactly in code, name and kind', () => {
    expect(TOWNSHIPS.map(({ code, name, kind }) => ({ code, name, kind }))).toEqual(expected)
  })

  it('should have unique 9-digit codes starting with 500101', () => {
    expect(new Set(TOWNSHIPS.map((t) => t.code)).size).toBe(52)
    expect(TOWNSHIPS.every((t) => /^500101\d{3}$/.test(t.code))).toBe(true)
  })

  it('should find 瀼渡镇 when looked up by 500101138', () => {
    expect(townshipByCode('500101138')).toEqual({ code: '500101138', name: '瀼渡镇', kind: '镇' })
  })

  it('should spell the ethnic townships in full', () => {
    expect(townshipByCode('500101238')?.name).toBe('地宝土家族乡')
    expect(townshipByCode('500101239')?.name).toBe('恒合土家族乡')
    expect(townshipByCode('500101001')?.name).toBe('高笋塘街道')
  })
})

describe('addressFromLocation: a certificate\'s 坐落 as a connection address', () => {
  it('should split the 坐落 at the township it names, and give nothing outside Wanzhou\'s townships', () => {
    expect(addressFromLocation('重庆市万州区瀼渡镇演示街8号1幢1-2')).toEqual({ townshipCode: '500101138', detail: '演示街8号1幢1-2' })
    expect(addressFromLocation('重庆市万州区高笋塘街道 白岩路128号 ')).toEqual({ townshipCode: '500101001', detail: '白岩路128号' })
    expect(addressFromLocation('重庆市渝中区解放碑1号')).toBeUndefined()
  })
})
