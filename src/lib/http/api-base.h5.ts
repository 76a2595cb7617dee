// H5 is served by the API server itself, so requests go to the same origin.
export const DEFAULT_API_BASE = ''
