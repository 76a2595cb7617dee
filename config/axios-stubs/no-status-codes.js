// Stands in for axios's HttpStatusCode table (axios.HttpStatusCode.NotFound …) in both builds
// (config/axios-stubs/index.ts): the app compares status numbers and never reads it.
export default {}
