import { describe, expect, it } from 'vitest';
import { excerpt } from '../../server/domain/excerpt.ts';
import { wordHistoryEvent } from '../../server/domain/history-wording.ts';
import { digestMessage } from '../../server/reminders/digest-message.ts';

describe('an excerpt of a long text', () => {
  const text = 'Improve the quality of domestic abuse risk assessment, so that assessments analyse the risk of further abuse using information from other agencies.';

  it('is cut at a word near the length asked, with an ellipsis, never mid-word or on a dangling word', () => {
    const cut = excerpt(text, 135);
    expect(cut).toBe('Improve the quality of domestic abuse risk assessment, so that assessments analyse the risk of further abuse using information…');
    expect(cut.length).toBeLessThanOrEqual(135);
    // "…from other ag" was what a plain slice gave.
    expect(excerpt(text, 142)).toBe('Improve the quality of domestic abuse risk assessment, so that assessments analyse the risk of further abuse using information from other…');
  });

  it('leaves a text that fits as it is, with its spaces made single', () => {
    expect(excerpt('Publish  waiting\ntimes.', 60)).toBe('Publish waiting times.');
  });

  it('takes no time over a run of punctuation, as a contents line has', () => {
    const started = performance.now();
    const contents = `Fix${'.'.repeat(50)}${'abcdefgh'.repeat(10)}`;
    expect(excerpt(contents, 60)).toMatch(/…$/);
    expect(excerpt(`Findings ${', '.repeat(40)}x ${'word '.repeat(40)}`, 60)).toBe('Findings…');
    expect(performance.now() - started).toBeLessThan(100);
  });
});

describe('long texts where the product quotes them', () => {
  const text =
    'Improve the quality of domestic abuse risk assessment, so that assessments analyse the risk of further abuse using information from other agencies, ' +
    'and record the rationale for every decision taken about the level of risk.';

  it('are cut at a word in a reminder email', () => {
    const message = digestMessage({
      to: { email: 'lead@example.org', name: 'Lead' },
      kind: 'WORK',
      frequency: 'DAILY',
      period: '3 Dec 2026',
      appUrl: 'http://127.0.0.1:4000',
      escalationDays: 30,
      items: [{
        section: 'OVERDUE', record: 'RECOMMENDATION', id: 1, recommendationId: 1, title: text, reference: 'R1',
        reportTitle: 'Joint inspection', reportPublishedOn: new Date('2025-03-01'), organisation: 'A service', organisationShortName: null, date: new Date('2026-11-01'), daysOverdue: 32,
      }],
    });
    const line = message.text.split('\n').find((one) => one.startsWith('- '))!;
    // What is shown is whole words of the title: a word of it follows the cut.
    const shown = line.slice(line.indexOf(': ') + 2);
    expect(shown).toMatch(/…$/);
    expect(text.startsWith(`${shown.slice(0, -1)} `)).toBe(true);
  });

  it('are cut at a word in a history sentence', () => {
    const sentence = wordHistoryEvent({ kind: 'UPDATED', subject: 'RECOMMENDATION', field: 'text', fromValue: 'Old text.', toValue: text });
    const shown = /“([^”]*)…”/.exec(sentence)![1]!;
    expect(text.startsWith(`${shown} `)).toBe(true);
  });
});
