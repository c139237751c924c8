import { describe, expect, it } from 'vitest';
import { excerpt } from '../../server/domain/excerpt.ts';

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
