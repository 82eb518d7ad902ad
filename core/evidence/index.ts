export { evidenceReport, EvidenceError } from './report';
export { markdownText } from './markdown';
