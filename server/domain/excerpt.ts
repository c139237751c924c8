/** Words a cut text does not end on: "Audit the risk assessments in…" reads as if something was lost. */
const DANGLING = /(?:[\s,;:.–-]+|\s(?:a|an|and|at|by|for|from|in|into|of|on|or|the|to|with))+$/i;

/**
 * A long text cut to fit where it is shown: at a word, near `max` characters, marked with an
 * ellipsis; never in the middle of a word ("…from other ag"). Whitespace runs become one space.
 */
export function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const atWord = cut.lastIndexOf(' ');
  return `${(atWord > max / 2 ? cut.slice(0, atWord) : cut).replace(DANGLING, '')}…`;
}
