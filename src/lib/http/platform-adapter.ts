import type { AxiosAdapter } from 'axios'

/** H5 (and tests): axios's own XMLHttpRequest adapter. */
export const platformAdapter: AxiosAdapter | undefined = undefined
