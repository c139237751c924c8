/** The signed-in person's work and their choice of email reminders. */

export type WorkItem = {
  section: 'OVERDUE' | 'DUE_SOON' | 'ESCALATED' | 'TO_ASSESS' | 'TO_VERIFY' | 'MENTIONED';
  record: 'RECOMMENDATION' | 'ACTION_ITEM' | 'EVIDENCE' | 'COMMENT';
  recordId: string;
  recommendationId: string;
  title: string;
  reference: string;
  reportTitle: string;
  reportPublishedOn: string;
  organisation: string;
  organisationShortName: string | null;
  date: string | null;
  daysOverdue: number | null;
};

export type DigestFrequency = 'DAILY' | 'WEEKLY' | 'NONE';

export const myWorkQuery = `query MyWork {
  myWork { section record recordId recommendationId title reference reportTitle reportPublishedOn organisation organisationShortName date daysOverdue }
  me { id role digestFrequency }
}`;

export const setDigestFrequencyMutation = `mutation SetDigestFrequency($frequency: DigestFrequency!) {
  setDigestFrequency(frequency: $frequency) { id digestFrequency }
}`;
