import { fitsCapacity, serviceByCode, serviceForCapacity, type StandaloneServiceCode } from '@/core/services'

export interface CapacityFollow {
  /** the service the application is for at this capacity */
  service: StandaloneServiceCode
  /** what to tell the applicant, at once, when the capacity moved the service away from their choice or back */
  notice?: { moved: boolean; text: string }
}

/**
 * The service as the capacity is typed: low voltage above its limit moves to 10 kV at once (a typo such as
 * 200 for 20 is then plain to see), and back to the applicant's own choice (`chosen`) as soon as the figure fits.
 */
export function followCapacity(chosen: StandaloneServiceCode, kw: number | undefined): CapacityFollow {
  const own = serviceByCode(chosen)
  if (!own || kw === undefined || !Number.isFinite(kw) || kw <= 0) return { service: chosen }
  const fit = serviceForCapacity(chosen, kw)
  if (fit.service !== chosen && fit.reason) {
    return {
      service: fit.service,
      notice: {
        moved: true,
        text: `${fit.reason}，已为您改选。${fit.changes ?? ''}。如果是输入有误（比如多输了一个0），改正容量后会自动改回${own.name}`,
      },
    }
  }
  return { service: chosen, notice: fitsCapacity(own, kw) ? { moved: false, text: `报装容量${kw}千瓦，可以低压接入，按${own.name}办理` } : undefined }
}
