import { leakedLines } from '../../e2e/support/log-privacy'

// The net the browser journeys cast over the server's log: it must catch what leaks and nothing else, or a random
// request id fails a journey that leaked nothing.
describe('leakedLines', () => {
  it('passes request ids and timestamps whose digits look like a mobile', () => {
    const lines = [
      '{"time":1796506346006,"reqId":"0cf19022696290b6","msg":"incoming request"}',
      '{"reqId":"d50ba19438795145","res":{"statusCode":200}}',
      '{"res":{"statusCode":200},"responseTime":207.8618490000008,"msg":"request completed"}',
      '{"msg":"applicant 138****8000 signed"}',
    ]
    expect(leakedLines(lines.join('\n'))).toEqual([])
  })

  it('catches a bare, a +86 and a quoted mobile, and a full ID number', () => {
    const leaks = [
      'sms to 13800138000 sent',
      'sms to +8613800138000 sent',
      '{"mobile":"13912345678"}',
      '{"idNumber":"11010519491231002X"}',
    ]
    expect(leakedLines(leaks.join('\n'))).toEqual(leaks)
  })
})
