// Stands in for axios's fetch adapter in the H5 build (config/index.ts): axios takes its XMLHttpRequest adapter
// first wherever XMLHttpRequest exists, which is every browser the app supports, so the fetch one (3 KB brotli)
// is never chosen. null is axios's own "no such adapter" value.
export default null
export const getFetch = () => null
