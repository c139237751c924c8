import { describe, expect, it } from 'vitest';
import { wordsAsWritten } from '../../server/domain/repeat-ranking.ts';

describe('the words a repeat candidate is said to share', () => {
  it('are the words as the draft writes them, not their stems', () => {
    const asWritten = wordsAsWritten('Make domestic abuse enquiries with the police, and publish what they return; keep families happy.');
    expect(asWritten('abus')).toBe('abuse');
    expect(asWritten('domest')).toBe('domestic');
    expect(asWritten('enquiri')).toBe('enquiries');
    expect(asWritten('publish')).toBe('publish');
    // Stemming can change the last letter: "happy" is stemmed "happi".
    expect(asWritten('happi')).toBe('happy');
    // A stem the text does not hold (it came from elsewhere) stays as it is.
    expect(asWritten('prison')).toBe('prison');
  });
});
