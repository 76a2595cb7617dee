// The services one can add to an electricity application (同时办理) and their providers, from the platform's
// catalogue once it has answered (its configured limits), from the table this app was built with until then.
import type { ServiceCatalogue } from '@/contract/services'
import { joinableServices, SUPPLIERS } from '@/core/services'
import { useCatalogue } from '@/features/services/stores/catalogue-store'

export type JoinableService = ServiceCatalogue['services'][number]
export type CatalogueProvider = ServiceCatalogue['suppliers'][number]

export function useJoinable(): { services: JoinableService[]; providerOf: (s: JoinableService) => CatalogueProvider | undefined } {
  const catalogue = useCatalogue((s) => s.catalogue)
  const services = (catalogue?.services ?? joinableServices()).filter((s) => !s.standalone)
  const providers: CatalogueProvider[] = catalogue?.suppliers ?? SUPPLIERS
  return { services, providerOf: (s) => providers.find((p) => p.code === s.provider) }
}

/** What an added service takes, in one line each: provider, stages with their limits, fee, extra questions. */
export function offerLines(s: JoinableService, provider: CatalogueProvider | undefined): string[] {
  const stages = s.stages.map((st) => `${st.name}${st.limitDays}天`).join(' → ')
  return [
    `${provider?.name ?? ''}办理：${stages}，全流程不超过${s.totalLimitDays}个工作日`,
    `费用：${s.feeNote}`,
    `还需填写：${s.questions.map((q) => q.label).join('、')}`,
  ]
}
