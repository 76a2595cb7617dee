// Mini-programs have no prerendered page (H5 only: prerendered.h5.ts).
import type { ServiceCatalogue } from '@/contract/services'

export const prerenderedCatalogue = (): ServiceCatalogue | null => null

export const dropPrerendered = (): void => undefined

export const handOverFromPrerendered = (): void => undefined
