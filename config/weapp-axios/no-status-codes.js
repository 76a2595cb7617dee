// Stands in for axios's HttpStatusCode table (axios.HttpStatusCode.NotFound …) in the weapp build
// (config/index.ts): the app compares status numbers and never reads it.
export default {}
