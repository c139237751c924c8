/** The address of a react-admin list with these filters applied. */
export const listLink = (resource: string, filter: Record<string, unknown>, sort?: { field: string; order: 'ASC' | 'DESC' }) =>
  `/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}${sort ? `&sort=${sort.field}&order=${sort.order}` : ''}`;

/** The recommendations behind each relation between owners' reports and inspectors' verdicts. */
export const gapFilters: Record<string, Record<string, unknown> | undefined> = {
  CONFIRMED: { statuses: ['IMPLEMENTED'], latestVerdicts: ['ACHIEVED'] },
  OVERSTATED: { statuses: ['IMPLEMENTED'], latestVerdicts: ['PARTLY_ACHIEVED', 'NOT_ACHIEVED'] },
  UNVERIFIED: { statuses: ['IMPLEMENTED'], assessed: false },
  UNDERSTATED: { statuses: ['NOT_STARTED', 'IN_PROGRESS', 'NOT_PLANNED'], latestVerdicts: ['ACHIEVED'] },
  NONE: undefined,
};
