// The simulated 小微企业名录's control panel (demo and tests only): see its switches, switch on an outage, a failure
// rate or slowness (GET / POST /sim/sme-registry/switches).
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { SmeSimSwitches } from './simulator'

const switchPatch = z.object({
  outage: z.boolean(),
  failureRate: z.number().min(0).max(1),
  delayMs: z.number().int().min(0).max(120_000),
}).partial().strict()

const answer = (code: string, msg: string, data: unknown = null) => ({ code, msg, data })

export const SME_SIM_SWITCHES_PATH = '/sim/sme-registry/switches'

export function smeSimulatorControls(scope: FastifyInstance, c: { switches: () => SmeSimSwitches; setSwitches: (patch: Partial<SmeSimSwitches>) => SmeSimSwitches }): void {
  scope.get(SME_SIM_SWITCHES_PATH, async () => answer('00', 'ok', c.switches()))
  scope.post(SME_SIM_SWITCHES_PATH, async (req, reply) => {
    const patch = switchPatch.safeParse(req.body)
    if (!patch.success) return reply.status(400).send(answer('BAD_REQUEST', 'outage（true/false）、failureRate（0–1）、delayMs（毫秒）'))
    return answer('00', 'ok', c.setSwitches(patch.data))
  })
}
