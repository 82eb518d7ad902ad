export { evidenceReport, EvidenceError, markdownText } from './report';
