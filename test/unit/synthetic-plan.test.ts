import { describe, expect, it } from 'vitest';
import { planSynthetic } from '../../prisma/seed/synthetic.ts';

const base = { organisation: 100, user: 10, report: 5, recommendation: 50, actionItem: 70, evidence: 90, assessment: 30 };
const themes = [1, 2, 3, 4, 5];

describe('synthetic data plan', () => {
  const plan = planSynthetic({ size: 20_000, seed: 42 }, base, themes);

  it('is deterministic for a seed and differs between seeds', () => {
    const again = planSynthetic({ size: 2_000, seed: 7 }, base, themes);
    expect(planSynthetic({ size: 2_000, seed: 7 }, base, themes)).toEqual(again);
    expect(planSynthetic({ size: 2_000, seed: 8 }, base, themes).recommendations).not.toEqual(again.recommendations);
  });

  it('has the proportions of real work at 20,000 recommendations', () => {
    const n = plan.recommendations.length;
    expect(n).toBe(20_000);
    expect(plan.reports.length).toBe(1_000);
    const repeats = plan.recommendations.filter((rec) => rec.repeatsId !== undefined).length;
    expect(repeats / n).toBeGreaterThan(0.13);
    expect(repeats / n).toBeLessThan(0.17);
    expect(plan.actionItems.length / n).toBeGreaterThan(4.5);
    expect(plan.actionItems.length / n).toBeLessThan(5.5);
    expect(plan.evidence.length / n).toBeGreaterThan(9);
    expect(plan.evidence.length / n).toBeLessThan(11);
    expect(plan.history.length).toBeGreaterThan(n * 10);
    expect(plan.assessments.length).toBeGreaterThan(n * 0.3);
  });

  it('links repeats only to recommendations of strictly earlier reports, in chains seldom longer than 4', () => {
    const byId = new Map(plan.recommendations.map((rec) => [rec.id!, rec]));
    const publishedOn = new Map(plan.reports.map((report) => [report.id!, (report.publishedOn as Date).getTime()]));
    let longest = 0;
    let longerThan4 = 0;
    for (const rec of plan.recommendations) {
      let length = 1;
      let current = rec;
      while (current.repeatsId !== undefined && current.repeatsId !== null) {
        const earlier = byId.get(current.repeatsId)!;
        expect(publishedOn.get(earlier.reportId)!).toBeLessThan(publishedOn.get(current.reportId)!);
        current = earlier;
        length++;
      }
      longest = Math.max(longest, length);
      if (length > 4) longerThan4++;
    }
    expect(longest).toBeGreaterThan(1);
    // Repeats are chosen from chains shorter than 4; a chain grows longer only where nothing new was left to ask.
    expect(longerThan4 / plan.recommendations.length).toBeLessThan(0.001);
  });

  it('words recommendations apart, labels every repeat, and renames some bodies', () => {
    const texts = plan.recommendations.map((rec) => rec.text);
    expect(new Set(texts).size / texts.length).toBeGreaterThan(0.99);
    // The labels are the links the plan makes, and a repeat is reworded, not copied.
    const linked = plan.recommendations.filter((rec) => rec.repeatsId !== undefined).map((rec) => [rec.id, rec.repeatsId]);
    expect(plan.repeatPairs.map((pair) => [pair.recommendationId, pair.repeatsId])).toEqual(linked);
    const textOf = new Map(plan.recommendations.map((rec) => [rec.id!, rec.text]));
    const copied = plan.repeatPairs.filter((pair) => textOf.get(pair.recommendationId)!.startsWith(textOf.get(pair.repeatsId)!.replace(/\.$/, '')));
    expect(copied.length / plan.repeatPairs.length).toBeLessThan(0.05);
    for (const kind of ['number', 'report', 'none'] as const) expect(plan.repeatPairs.some((pair) => pair.citation === kind)).toBe(true);
    expect(plan.organisations.filter((org) => Array.isArray(org.formerNames) && org.formerNames.length > 0).length).toBeGreaterThan(10);
  });

  it('never asks the same again at one place without labelling it a repeat', () => {
    // A second ask of the same thing that is not linked would be a repeat the labels miss: at
    // 200,000, before places grew with the size, 47,509 were, and the ranking was marked wrong for finding them.
    const repeatsOf = new Map(plan.recommendations.map((rec) => [rec.id!, rec.repeatsId]));
    const firstOf = (id: number): number => {
      let current = id;
      while (repeatsOf.get(current)) current = repeatsOf.get(current)!;
      return current;
    };
    const chains = new Map<string, Set<number>>();
    for (const ask of plan.asks) {
      const key = `${ask.focus} ${ask.intent}`;
      chains.set(key, (chains.get(key) ?? new Set()).add(firstOf(ask.recommendationId)));
    }
    expect(chains.size).toBeGreaterThan(10_000);
    expect([...chains].filter(([, firsts]) => firsts.size > 1)).toEqual([]);
  });

  it('names no establishment inside another one’s name, at a size where towns have several', () => {
    // A name found inside another ("HMP Hull" in "HMP Hull North") would make the ranking read a second
    // addressee into every text to the longer-named one.
    // (Past 41,850 recommendations, 279 establishments, a town has more than one of a kind.)
    const large = planSynthetic({ size: 45_000, seed: 3 }, base, themes);
    const names = large.organisations
      .filter((org) => !org.name.startsWith('Synthetic ')) // the service's own regions and units, named apart
      .flatMap((org) => [org.name, ...(Array.isArray(org.formerNames) ? (org.formerNames as string[]) : [])])
      .map((name) => name.replace(/ \(seed \d+\)$/, ''));
    expect(names.filter((name) => /^HMP [A-Z][a-z]+(bridge|field|ford|ham|ley|stead|well|worth)$/.test(name)).length).toBeGreaterThan(3);
    const within = names.filter((name) => names.some((other) => other !== name && new RegExp(`(^|[^\\p{L}\\p{N}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}])`, 'u').test(other)));
    expect(within).toEqual([]);
  });

  it('numbers rows after the ids already in the database', () => {
    expect(Math.min(...plan.recommendations.map((rec) => rec.id!))).toBe(51);
    expect(Math.min(...plan.reports.map((report) => report.id!))).toBe(6);
    expect(Math.min(...plan.organisations.map((org) => org.id!))).toBe(101);
  });
});
