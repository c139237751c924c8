import { describe, expect, it } from 'vitest';
import { feedsOf } from '../../server/db/query-feeds.ts';

describe('the feeds a Prisma query depends on', () => {
  it('are the tables’ own feeds for queries that read organisations and reports alone', () => {
    expect(feedsOf('Organisation', { select: { id: true, name: true } })).toEqual(['organisations']);
    expect(feedsOf('Organisation', { select: { id: true, children: { select: { name: true }, orderBy: { name: 'asc' }, take: 5 } } })).toEqual(['organisations']);
    expect(feedsOf('Report', { select: { title: true, inspectorate: { select: { name: true } }, followsUp: { orderBy: [{ publishedOn: 'asc' }] } } })).toEqual(['organisations', 'reports']);
  });

  it('are every change to the records once anything else may be read', () => {
    expect(feedsOf('Recommendation', { select: { id: true } })).toEqual(['records']);
    expect(feedsOf('Organisation', { select: { recommendations: { select: { id: true } } } })).toEqual(['records']);
    expect(feedsOf('Report', { select: { _count: { select: { recommendations: true } } } })).toEqual(['records']);
    expect(feedsOf('Organisation', { include: { _count: true } })).toEqual(['records']);
    expect(feedsOf('Organisation', { select: { children: { where: { recommendations: { some: {} } } } } })).toEqual(['records']);
    expect(feedsOf('Organisation', { select: { children: { orderBy: { recommendations: { _count: 'desc' } } } } })).toEqual(['records']);
    expect(feedsOf('Report', { select: { followsUp: { cursor: { id: 3 } } } })).toEqual(['records']);
  });
});
