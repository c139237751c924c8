import { describe, expect, it } from 'vitest';
import { formatDay } from '../../server/domain/dates.ts';

describe('formatDay', () => {
  it('writes a calendar date as yyyy-mm-dd, as ISO 8601 does', () => {
    // Every day of several years, leap days and year ends included, against toISOString.
    for (let time = Date.UTC(1999, 0, 1); time < Date.UTC(2005, 0, 1); time += 86_400_000) {
      const day = new Date(time);
      expect(formatDay(day)).toBe(day.toISOString().slice(0, 10));
    }
    expect(formatDay(new Date('2024-02-29T00:00:00Z'))).toBe('2024-02-29');
    expect(formatDay(new Date('2199-12-31T00:00:00Z'))).toBe('2199-12-31');
  });

  it('gives the UTC day of an instant late in the day', () => {
    expect(formatDay(new Date('2025-07-08T23:59:59.999Z'))).toBe('2025-07-08');
  });

  it('keeps ISO form for years the database can hold outside four digits', () => {
    const early = new Date('0099-03-04T00:00:00Z');
    expect(formatDay(early)).toBe('0099-03-04');
    const late = new Date(Date.UTC(12000, 0, 2));
    expect(formatDay(late)).toBe('+012000-01-02');
  });

  it('gives null for no date', () => {
    expect(formatDay(null)).toBeNull();
    expect(formatDay(undefined)).toBeNull();
  });
});
