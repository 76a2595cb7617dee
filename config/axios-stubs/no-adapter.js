// Stands in for an axios adapter a build never chooses (config/axios-stubs/index.ts): both in the weapp build, whose
// requests go through our adapter over wx.request, and fetch in the H5 build. null is axios's own "no such adapter".
export default null
export const getFetch = () => null
