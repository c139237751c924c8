import { label, strengthLabels, verificationLabels } from '../common/choices';
import { readableDay } from '../common/dates';
import { csvExporter, pageLink } from '../common/exporter';

/** One row a piece of evidence, linked to the recommendation page where it is judged. */
export const exportEvidence = csvExporter('evidence', [
  ['Evidence', (r) => r.summary],
  ['Its link', (r) => r.url],
  ['Strength', (r) => label(strengthLabels, r.strength)],
  ['Action', (r) => r.actionItem?.description],
  ['Owner', (r) => r.actionItem?.owner?.name],
  ['Recommendation', (r) => r.actionItem?.recommendation?.reference],
  ['Report', (r) => r.actionItem?.recommendation?.report?.title],
  ['Submitted by', (r) => r.submittedBy?.name],
  ['Submitted', (r) => readableDay(r.submittedAt)],
  ['Verification', (r) => label(verificationLabels, r.verification)],
  ['Verification note', (r) => r.verificationNote],
  ['Verified by', (r) => r.verifiedBy?.name],
  ['Verified', (r) => readableDay(r.verifiedAt)],
], (r) => pageLink('recommendations', r.actionItem?.recommendation?.id));
