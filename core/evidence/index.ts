export { evidenceReport, EvidenceError, markdownText, type EvidenceOptions } from './report';
