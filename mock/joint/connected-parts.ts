// A part of a 一件事 can go only to a utility this deployment reaches (mock/utilities/connections.ts): the catalogue
// does not offer the others, and a submission naming one (an app built before the change, a hand-made request) is
// refused with the reason, before anything is stored.
import type { Answers } from '../../src/contract/answers'
import type { FieldError } from '../../src/contract'
import { providerByCode } from '../../src/core/providers'
import { serviceByCode } from '../../src/core/services'
import type { UtilityConnections } from '../utilities/connections'

export function unconnectedPartErrors(answers: Answers, connections: UtilityConnections): FieldError[] {
  return (answers.joint ?? []).flatMap((part, i) => {
    const service = serviceByCode(part.service)
    const provider = providerByCode(service?.provider)
    if (!service || !provider || part.consent !== 'given' || connections.offers(provider.code)) return []
    return [{ path: `answers.joint.${i}.service`, message: `${provider.name}尚未接入本平台，暂不能同时办理${service.name}，请取消该项后提交` }]
  })
}
