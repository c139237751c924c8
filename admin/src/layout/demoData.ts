/** The illustrative demo data's reports carry this in their summaries. */
export const DEMO_MARKER = 'Illustrative demo data';

export const demoDataQuery = 'query DemoData($search: String!) { reports(first: 1, filter: { search: $search }) { totalCount } }';
