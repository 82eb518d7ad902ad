/** "Save a sample of this page": the redacted, local-only file for bug reports. Pure. */
export { buildPageSample } from './build-sample';




