import { describe, expect, it } from 'vitest';
import { asWritten } from '../../server/domain/repeat-ranking.ts';

describe('the words a repeat candidate is said to share', () => {
  it('are the words as the draft writes them, not their stems', () => {
    const text = 'Make domestic abuse enquiries with the police, and publish what they return; keep families happy.';
    expect(asWritten('abus', text)).toBe('abuse');
    expect(asWritten('domest', text)).toBe('domestic');
    expect(asWritten('enquiri', text)).toBe('enquiries');
    expect(asWritten('publish', text)).toBe('publish');
    // Stemming can change the last letter: "happy" is stemmed "happi".
    expect(asWritten('happi', text)).toBe('happy');
    // A stem the text does not hold (it came from elsewhere) stays as it is.
    expect(asWritten('prison', text)).toBe('prison');
  });
});
