import { defaultI18nProvider, type I18nProvider, type TranslateFunction } from 'react-admin';
import { LOCALE } from '../common/dates';

/** Each resource named in the singular (a record's page) and the plural (the menu, a list). */
const resourceNames: Record<string, readonly [string, string]> = {
  reports: ['Report', 'Reports'],
  recommendations: ['Recommendation', 'Recommendations'],
  actionItems: ['Action item', 'Action items'],
  evidence: ['Evidence', 'Evidence'],
  organisations: ['Organisation', 'Organisations'],
  users: ['User', 'Users'],
  themes: ['Theme', 'Themes'],
  assessments: ['Assessment', 'Assessments'],
  history: ['History', 'History'],
};

/** Fields as a sort button names them (the table's headings say it where there is a table). */
const fieldLabels: Record<string, Record<string, string>> = {
  recommendations: { 'report.publishedOn': 'Report date', reference: 'Reference', 'owner.name': 'Owner', status: 'Status', targetDate: 'Target date' },
};

/** A record's page is titled by what it is and its name: "Report: <title>", "Edit user: <name>". */
const pageTitles: Record<string, (name: string, record: string) => string> = {
  'ra.page.show': (name, record) => (record ? `${name}: ${record}` : name),
  'ra.page.edit': (name, record) => (record ? `Edit ${name.toLowerCase()}: ${record}` : `Edit ${name.toLowerCase()}`),
};

/** react-admin's own words where they read as a program's ("Element created"), in the product's voice. */
const messages: Record<string, (options: Record<string, unknown>) => string> = {
  'ra.notification.created': () => 'Saved',
  'ra.notification.updated': (options) => (Number(options.smart_count ?? 1) > 1 ? `${String(options.smart_count)} saved` : 'Saved'),
  'ra.navigation.no_results': (options) => `No ${String(options.name ?? 'records').toLowerCase()} yet`,
  // A link to a record that is gone, or was never there (a mistyped or old address).
  'ra.notification.item_doesnt_exist': () => 'That record does not exist: the link is wrong, or it was removed.',
  'ra.auth.logout': () => 'Sign out',
  // A control is named first by the words it shows (voice control users say what they see): a column's
  // sort button by its heading, a page's button by its number.
  'ra.sort.sort_by': (options) => `${String(options.field ?? '')}: sort ${String(options.order ?? '')}`.trim(),
  'ra.navigation.page': (options) => `${String(options.page)}: go to page ${String(options.page)}`,
  'ra.navigation.current_page': (options) => `${String(options.page)}: the page shown`,
  // The cards' sort button says how they are sorted now ("Sorted by target date, ascending").
  'tracker.sort.by': (options) => `Sorted by ${String(options.field_lower_first ?? '')}, ${String(options.order ?? '')}`,
};

const translate: TranslateFunction = (key, options = {}) => {
  const message = messages[key];
  if (message) return message(options);
  const resource = /^resources\.(\w+)\.name$/.exec(key)?.[1];
  const names = resource ? resourceNames[resource] : undefined;
  if (names) return names[options.smart_count === 1 ? 0 : 1];
  const field = /^resources\.(\w+)\.fields\.(.+)$/.exec(key);
  const fieldLabel = field ? fieldLabels[field[1]!]?.[field[2]!] : undefined;
  if (fieldLabel) return fieldLabel;
  const title = pageTitles[key];
  if (title) return title(String(options.name ?? ''), String(options.recordRepresentation ?? ''));
  return defaultI18nProvider.translate(key, options);
};

/** react-admin's English messages, in the product's locale, with the names and titles above. */
export const i18nProvider: I18nProvider = { ...defaultI18nProvider, translate, getLocale: () => LOCALE };
