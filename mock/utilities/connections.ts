// Which utilities this deployment sends cases to, and where. The demo reaches every one at its simulator on this
// server (the provider's `intake` path), unless UTILITY_ENDPOINTS names another address; production reaches only
// the utilities UTILITY_ENDPOINTS names, and offers applicants only their services (the others are not connected
// yet: a case sent nowhere would wait forever).
import { PROVIDERS, providerByCode, type ProviderCode } from '../../src/core/providers'
import type { Mode } from '../config'

export interface UtilityConnections {
  /** where the provider takes new cases (absolute, or a path on this server), or null when it is not reached */
  endpointOf(provider: string): string | null
  /** whether an applicant may add the provider's service: the enterprises working in this system always, the others when reached */
  offers(provider: string): boolean
}

export function utilityConnections(mode: Mode, configured: Partial<Record<ProviderCode, string>> = {}): UtilityConnections {
  const endpoints = new Map<string, string>()
  for (const p of PROVIDERS) {
    const endpoint = configured[p.code] ?? (mode === 'demo' ? p.intake : null)
    if (p.intake !== null && endpoint) endpoints.set(p.code, endpoint)
  }
  return {
    endpointOf: (provider) => endpoints.get(provider) ?? null,
    offers: (provider) => providerByCode(provider)?.intake === null || endpoints.has(provider),
  }
}
