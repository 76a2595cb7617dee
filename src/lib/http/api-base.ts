// weapp (and any non-H5 build): the mock server on this machine unless TARO_APP_API_BASE says otherwise.
export const DEFAULT_API_BASE = 'http://127.0.0.1:3000'
