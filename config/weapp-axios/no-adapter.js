// Stands in for axios's XMLHttpRequest and fetch adapters in the weapp build (config/index.ts): requests there go
// through our adapter over wx.request, so neither is ever chosen. null is axios's own "no such adapter" value.
export default null
export const getFetch = () => null
