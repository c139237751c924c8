/** Dates as the whole app shows them: the product's one locale setting, shared with the server. */
export { LOCALE, TIME_ZONE, dayFieldOptions, readableDay, readableMoment, yearOf, dayFromInput, dayForInput } from '../../../server/domain/locale.ts';
