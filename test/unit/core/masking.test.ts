import { keepEnds, maskId, maskMobile, maskName, maskText } from '@/core/masking'

describe('maskId', () => {
  it('should keep the first 4 and last 4 characters when given an 18-character number', () => {
    expect(maskId('500101199001011234')).toBe('5001**********1234')
    expect(maskId('11010519491231002X')).toBe('1101**********002X')
  })

  it('should keep the first 4 and last 4 characters when given a 15-digit number', () => {
    expect(maskId('110105491231002')).toBe('1101*******1002')
  })

  it('should hide everything when the value is too short to keep both ends', () => {
    expect(maskId('12345678')).toBe('********')
  })
})

describe('keepEnds', () => {
  it('should count a character outside the BMP as one, as it does the others', () => {
    expect(keepEnds('𠮷野家123𠮷5', 1, 2)).toBe('𠮷*****𠮷5')
    expect(keepEnds('𠮷野', 1, 1)).toBe('**')
    expect(keepEnds('野家123455', 1, 2)).toBe('野*****55')
  })
})

describe('maskMobile', () => {
  it('should keep the first 3 and last 4 digits when given a mobile number', () => {
    expect(maskMobile('13800138000')).toBe('138****8000')
  })
})

describe('maskName', () => {
  it.each([
    ['张三', '张*'],
    ['欧阳娜娜', '欧***'],
    ['', ''],
    [' 李四 ', '李*'],
  ])('should mask %p as %p', (name, masked) => {
    expect(maskName(name)).toBe(masked)
  })
})

describe('maskText', () => {
  it('should hand back text with no three digits in a row as it is', () => {
    for (const text of ['受理签约已完成', '电话12，房号3-12', '']) expect(maskText(text)).toBe(text)
    expect(maskText('电话138 0013 8000')).toBe('电话138****8000')
  })

  it('should mask an ID number and a mobile number when both appear in a log line', () => {
    expect(maskText('apply idNo=500101199001011234 mobile=13800138000 ok')).toBe(
      'apply idNo=5001**********1234 mobile=138****8000 ok',
    )
  })

  it('should mask an ID number ending in x when it appears in JSON', () => {
    expect(maskText('{"idNo":"11010519491231002x"}')).toBe('{"idNo":"1101**********002x"}')
  })

  it('should mask every occurrence when there are several', () => {
    expect(maskText('13800138000,13912345678;440524188001010014')).toBe('138****8000,139****5678;4405**********0014')
  })

  it('should mask a mobile number when it follows Chinese text directly', () => {
    expect(maskText('手机13800138000已验证')).toBe('手机138****8000已验证')
  })

  it('should leave a millisecond timestamp alone when it only contains a mobile-shaped run', () => {
    expect(maskText('at 1712345678901 took 12ms')).toBe('at 1712345678901 took 12ms')
  })

  it('should mask a mobile when it carries a +86, 86 or 0086 prefix, with or without a space or dash', () => {
    expect(maskText('电话+8613800138000')).toBe('电话+86138****8000')
    expect(maskText('tel: +86 138 0013 8000.')).toBe('tel: +86 138****8000.')
    expect(maskText('to=0086-13912345678&x=1')).toBe('to=0086-139****5678&x=1')
    expect(maskText('(86)13800138000')).toBe('(86)138****8000')
  })

  it('should mask a mobile written in 3-4-4 groups with dashes or spaces', () => {
    expect(maskText('联系138-0013-8000或139 1234 5678')).toBe('联系138****8000或139****5678')
  })

  it('should mask a 15-digit first-generation ID number and a grouped 18-character one', () => {
    expect(maskText('旧证110105491231002，新证 500101 19900101 1234 与 500101-19900101-123X')).toBe(
      '旧证1101*******1002，新证 5001**********1234 与 5001**********123X',
    )
  })

  it('should leave longer digit runs alone when an ID or a mobile only sits inside them', () => {
    expect(maskText('WZ20261127000001 order 12345500101199001011234 ref 9110105491231002')).toBe(
      'WZ20261127000001 order 12345500101199001011234 ref 9110105491231002',
    )
  })

  it('should leave text unchanged when it has nothing personal', () => {
    expect(maskText('GET /api/health 200 3ms')).toBe('GET /api/health 200 3ms')
  })
})
