// The simulated utilities' control panel (demo and tests only): see what a utility received, switch on an outage,
// a failure rate or refusals, set how fast it works its cases, or push a case's next step now.
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { providerByCode } from '../../src/core/providers'
import type { ReceivedCase, SimulatorSwitches } from './simulator'

interface Controls {
  switches: (provider: string) => SimulatorSwitches
  setSwitches: (provider: string, patch: Partial<SimulatorSwitches>) => SimulatorSwitches
  received: (provider: string) => ReceivedCase[]
  advance: (caseNumber: string) => Promise<boolean>
}

const switchPatch = z.object({
  outage: z.boolean(),
  failureRate: z.number().min(0).max(1),
  refuseAll: z.boolean(),
  autoAdvanceMs: z.number().int().min(100).max(86_400_000).nullable(),
}).partial().strict()

const answer = (code: string, msg: string, data: unknown = null) => ({ code, msg, data })

export function simulatorControls(scope: FastifyInstance, c: Controls): void {
  scope.get<{ Params: { provider: string } }>('/sim/utilities/:provider', async (req, reply) => {
    const provider = providerByCode(req.params.provider)
    if (!provider?.intake) return reply.status(404).send(answer('NOT_FOUND', '没有该模拟企业'))
    // what the utility's own staff would see of its cases: numbers and progress, no personal data
    const cases = c.received(provider.code).map(({ caseNumber, utilityRef, receivedAt, step }) => ({ caseNumber, utilityRef, receivedAt, step }))
    return answer('00', 'ok', { provider: provider.name, switches: c.switches(provider.code), cases })
  })

  scope.post<{ Params: { provider: string } }>('/sim/utilities/:provider/switches', async (req, reply) => {
    const provider = providerByCode(req.params.provider)
    if (!provider?.intake) return reply.status(404).send(answer('NOT_FOUND', '没有该模拟企业'))
    let body: unknown
    try { body = JSON.parse(Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '{}') } catch { body = null }
    const patch = switchPatch.safeParse(body)
    if (!patch.success) return reply.status(400).send(answer('BAD_REQUEST', 'outage、failureRate（0–1）、refuseAll、autoAdvanceMs（毫秒或 null）'))
    return answer('00', 'ok', c.setSwitches(provider.code, patch.data))
  })

  scope.post<{ Params: { provider: string; caseNumber: string } }>('/sim/utilities/:provider/cases/:caseNumber/advance', async (req, reply) => {
    const provider = providerByCode(req.params.provider)
    const known = provider && c.received(provider.code).some((r) => r.caseNumber === req.params.caseNumber)
    if (!known) return reply.status(404).send(answer('NOT_FOUND', '该企业没有收到这个办件'))
    const pushed = await c.advance(req.params.caseNumber)
    return pushed ? answer('00', '已推送下一步') : reply.status(409).send(answer('NOTHING_TO_PUSH', '该办件已办结，或推送失败'))
  })
}
