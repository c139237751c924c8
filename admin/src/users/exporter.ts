import { label, roleLabels } from '../common/choices';
import { readableDay } from '../common/dates';
import { csvExporter, pageLink } from '../common/exporter';

/** One row a person who signs in. */
export const exportUsers = csvExporter('users', [
  ['Name', (r) => r.name],
  ['Email', (r) => r.email],
  ['Role', (r) => label(roleLabels, r.role)],
  ['Organisation', (r) => r.organisation?.name],
  ['May sign in', (r) => Boolean(r.active)],
  ['Account made', (r) => readableDay(r.createdAt)],
], (r) => pageLink('users', r.id));
