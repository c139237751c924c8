import { describe, expect, it } from 'vitest';
import { reportedStatusSince } from '../../server/domain/follow-up-pack-wording.ts';

describe("the follow-up pack's wording", () => {
  it("says since when the owner has reported a status, without doubling the label's brackets", () => {
    expect(reportedStatusSince('IMPLEMENTED', '2023-09-12T11:00:00.000Z')).toBe('Implemented (reported) since 12 Sept 2023');
    expect(reportedStatusSince('IN_PROGRESS', new Date('2024-06-05T11:00:00Z'))).toBe('In progress since 5 Jun 2024');
  });
});
