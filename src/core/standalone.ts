import type { Service, StandaloneServiceCode } from './services'

/**
 * Whether a service (the table's, or the catalogue's as the API sends it) is applied for on its own. Apart from
 * the service table so that the start page, which draws the catalogue the API sends, does not carry the table.
 */
export const isStandalone = <S extends Pick<Service, 'standalone' | 'code'>>(s: S): s is S & { code: StandaloneServiceCode } => s.standalone
