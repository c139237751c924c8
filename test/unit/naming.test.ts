import { describe, expect, it } from 'vitest';
import { organisationName, recommendationInReport, recommendationName, reportName, shortNameOf } from '../../admin/src/common/naming.ts';

describe('how the admin app names reports and recommendations', () => {
  it('names a report by its year and title, and a recommendation by its reference and report year', () => {
    const report = { title: 'Inspection of HMP Example', publishedOn: '2024-02-29T00:00:00.000Z' };
    expect(reportName(report)).toBe('2024 · Inspection of HMP Example');
    expect(recommendationName({ reference: 'R3', report })).toBe('R3 (2024)');
    expect(recommendationName({ reference: 'R3', report: { publishedOn: '2019-12-31' } })).toBe('R3 (2019)');
    expect(recommendationInReport({ reference: 'R3', report })).toBe('R3, 2024 · Inspection of HMP Example');
  });

  it('leaves the year out rather than printing a fragment when the date is missing or not a date', () => {
    expect(recommendationName({ reference: 'R1', report: null })).toBe('R1');
    expect(reportName({ title: 'Untitled', publishedOn: 'soon' })).toBe('Untitled');
  });
  it('names an organisation with its short name once, not where its name holds it, and inside the brackets its name ends in', () => {
    expect(organisationName({ name: 'Ministry of Justice', shortName: 'MoJ' })).toBe('Ministry of Justice (MoJ)');
    expect(organisationName({ name: 'Probation Service London', shortName: 'London' })).toBe('Probation Service London');
    expect(organisationName({ name: 'National Probation Service (until 2021)', shortName: 'NPS' })).toBe('National Probation Service (NPS, until 2021)');
    expect(organisationName({ name: 'Probation Service (North)', shortName: 'PSN' })).toBe('Probation Service (PSN, North)');
    expect(organisationName({ name: 'Youth Justice (Wales) Board', shortName: 'YJB' })).toBe('Youth Justice (Wales) Board (YJB)');
    expect(organisationName({ name: 'HM Inspectorate of Probation', shortName: null })).toBe('HM Inspectorate of Probation');
  });

  it('names an organisation where space is short by its short name, else by its name, never by nothing', () => {
    expect(shortNameOf({ name: 'HM Prison and Probation Service', shortName: 'HMPPS' })).toBe('HMPPS');
    expect(shortNameOf({ name: 'Cardiff and Vale PDU', shortName: null })).toBe('Cardiff and Vale PDU');
    // An empty abbreviation counts as none (the API stores none for it, but a name is never blank on screen).
    expect(shortNameOf({ name: 'Lambeth PDU', shortName: '' })).toBe('Lambeth PDU');
    expect(shortNameOf(null)).toBe('');
  });
});
