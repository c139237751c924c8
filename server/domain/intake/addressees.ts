/**
 * The organisations a recommendation is addressed to, recognised in its words ("HMPPS should…",
 * "The Probation Service and the Ministry of Justice should…") or in the heading or column that
 * names them: by name, short name, or a name the organisation was known by before.
 */
export type KnownOrganisation = { id: number; name: string; shortName: string | null; formerNames: string[] };

export type RecognisedAddressees = { ids: number[]; names: string[] };

/** Where a recommendation says who must act: the words before "should", "must" and the like. */
const ADDRESSING_VERB = /\b(should|must|needs? to|is asked to|are asked to|will need to|to ensure|ensures?)\b/i;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

type Alias = { organisationId: number; pattern: RegExp };

/** Every way of naming each organisation, as a pattern: names in any case, short names as written. */
export function aliasesOf(organisations: KnownOrganisation[]): Alias[] {
  return organisations.flatMap((organisation) => {
    const names = [organisation.name, ...organisation.formerNames].flatMap((name) => [name, name.replace(/^the\s+/i, '')]);
    const aliases = [...new Set(names.filter((name) => name.trim().length >= 3))].map((name) => ({
      organisationId: organisation.id,
      pattern: new RegExp(`(?<![\\p{L}\\p{N}])${escape(name).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`, 'giu'),
    }));
    if (organisation.shortName && organisation.shortName.length >= 2) {
      aliases.push({ organisationId: organisation.id, pattern: new RegExp(`(?<![\\p{L}\\p{N}])${escape(organisation.shortName)}(?![\\p{L}\\p{N}])`, 'gu') });
    }
    return aliases;
  });
}

/** The organisations named in a piece of text, in the order named; a longer name wins over one inside it. */
function namedIn(text: string, aliases: Alias[]): { organisationId: number; name: string }[] {
  const matches = aliases.flatMap((alias) =>
    [...text.matchAll(alias.pattern)].map((match) => ({ organisationId: alias.organisationId, start: match.index, end: match.index + match[0].length, name: match[0] })),
  );
  const kept: typeof matches = [];
  for (const match of matches.sort((a, b) => b.end - b.start - (a.end - a.start))) {
    if (!kept.some((other) => match.start < other.end && other.start < match.end)) kept.push(match);
  }
  return kept.sort((a, b) => a.start - b.start);
}

export function recogniseAddressees(rec: { text: string; addresseeText: string | null }, aliases: Alias[]): RecognisedAddressees {
  const verb = ADDRESSING_VERB.exec(rec.text);
  const subject = verb && verb.index < 300 ? rec.text.slice(0, verb.index) : '';
  const found = [...(rec.addresseeText ? namedIn(rec.addresseeText, aliases) : []), ...namedIn(subject, aliases)];
  const ids: number[] = [];
  const names: string[] = [];
  for (const match of found) {
    if (ids.includes(match.organisationId)) continue;
    ids.push(match.organisationId);
    names.push(match.name.replace(/\s+/g, ' '));
  }
  return { ids, names };
}
