/** The answer index.html started for a URL before the app ran: H5 only (early-read.h5.ts); here never one. */
export const takeEarlyRead = (_url: string): Promise<unknown> | undefined => undefined
