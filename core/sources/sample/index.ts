/** "Save a sample of this page": the redacted, local-only file for bug reports. Pure. */
export { buildPageSample, SAMPLE_ABOUT, SAMPLE_FORMAT, MAX_SAMPLE_RESPONSES, type PageSampleInput, type SampleResponse, type SampleOutcome } from './build-sample';
export { redactJson, redactKey, REMOVED, DEFAULT_REDACT_OPTIONS, type RedactOptions } from './redact-json';
export { redactUrl } from './redact-url';
export { scrubText, EMAIL_MARK, TOKEN_MARK } from './scrub';
export { isSensitiveKey, isTitleKey } from './keys';
