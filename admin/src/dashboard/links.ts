/** The address of a react-admin list with these filters applied. */
export const listLink = (resource: string, filter: Record<string, unknown>, sort?: { field: string; order: 'ASC' | 'DESC' }) =>
  `/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}${sort ? `&sort=${sort.field}&order=${sort.order}` : ''}`;

/** The recommendations behind one relation between owners' reports and inspectors' verdicts (the server's one rule). */
export const gapFilter = (gap: string) => ({ gaps: [gap] });

/** The filter that keeps a list to the dashboard's scope (an organisation and those under it), if one is chosen. */
export const within = (scope: string | undefined) => (scope ? { ownerId: scope } : {});
