/** Punctuation or space at the end, and short words a cut text does not end on ("Audit the risk assessments in…"). */
const TRAILING_MARKS = /[\s,;:.–-]+$/;
const TRAILING_WORD = /\s(?:a|an|and|at|by|for|from|in|into|of|on|or|the|to|with)$/i;

/** The text without what it must not end on, taken off one piece at a time (a nested pattern took exponential time). */
function withoutDangling(text: string): string {
  let rest = text;
  for (;;) {
    const next = rest.replace(TRAILING_MARKS, '').replace(TRAILING_WORD, '');
    if (next === rest) return rest;
    rest = next;
  }
}

/**
 * A long text cut to fit where it is shown: at a word, near `max` characters, marked with an
 * ellipsis; never in the middle of a word ("…from other ag"). Whitespace runs become one space.
 */
export function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const atWord = cut.lastIndexOf(' ');
  return `${withoutDangling(atWord > max / 2 ? cut.slice(0, atWord) : cut)}…`;
}
