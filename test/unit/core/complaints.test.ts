import { answerOverdue, complaintAllows, escalationSteps, foldComplaints, type ComplaintEvent } from '@/core/complaints'

const ev = (complaintId: string, type: ComplaintEvent['type'], at: string, text: string | null = null, answerDue: string | null = null): ComplaintEvent =>
  ({ complaintId, type, at, text, answerDue, answerDueEstimated: false, actor: type === 'answered' ? 'staff:gw-kefu' : 'applicant:u1' })

describe('complaints folded from their append-only steps', () => {
  const [second, first] = foldComplaints([
    ev('c1', 'received', '2026-11-02T02:00:00Z', '超过7个工作日仍未接电', '2026-11-09'),
    ev('c1', 'answered', '2026-11-04T02:00:00Z', '已安排本周五接电'),
    ev('c2', 'received', '2026-11-10T02:00:00Z', '接电后仍未通电', '2026-11-17'),
    ev('c1', 'closed', '2026-11-05T02:00:00Z'),
  ])

  it('should give each complaint its state, answer and times, newest first', () => {
    expect(first).toEqual({
      id: 'c1', state: 'closed', text: '超过7个工作日仍未接电', receivedAt: '2026-11-02T02:00:00Z', answerDue: '2026-11-09', answerDueEstimated: false,
      answer: '已安排本周五接电', answeredAt: '2026-11-04T02:00:00Z', closedAt: '2026-11-05T02:00:00Z',
    })
    expect([second.id, second.state, second.answer]).toEqual(['c2', 'received', null])
  })

  it('should allow an answer only while received and closing only once answered', () => {
    expect([complaintAllows(second, 'answer'), complaintAllows(second, 'close')]).toEqual([true, false])
    expect([complaintAllows(first, 'answer'), complaintAllows(first, 'close')]).toEqual([false, false])
  })

  it('should call an unanswered complaint overdue only after its due day', () => {
    expect([answerOverdue(second, '2026-11-17'), answerOverdue(second, '2026-11-18'), answerOverdue(first, '2026-12-01')]).toEqual([false, true, false])
  })

  it('should ignore steps of a complaint never received', () => {
    expect(foldComplaints([ev('x', 'answered', '2026-11-04T02:00:00Z', '答复')])).toEqual([])
  })
})

describe('where a late case turns, in order', () => {
  it('should name the utility with its hotline first, then the district, 12398 and 12345', () => {
    const steps = escalationSteps({ name: '国网万州供电分公司', contact: '95598' })
    expect(steps.map((s) => [s.code, s.contact])).toEqual([
      ['utility', '95598'], ['district', '万州区经济和信息化委员会（区经信委）'], ['12398', '12398'], ['12345', '12345'],
    ])
    expect(steps[0].title).toBe('向国网万州供电分公司催办')
  })

  it('should point to the complaint form below only for the signed-in applicant who has it', () => {
    const provider = { name: '国网万州供电分公司', contact: '95598' }
    expect(escalationSteps(provider)[0].what).toMatch(/^在下方“在线投诉”留言/)
    const anonymous = escalationSteps(provider, false)[0].what
    expect(anonymous).not.toContain('在下方')
    expect(anonymous).toContain('申请人登录“万州办电”后')
    expect(escalationSteps(provider, false).slice(1)).toEqual(escalationSteps(provider).slice(1))
  })
})
