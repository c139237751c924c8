import { WARNING_MEANINGS, WARNINGS, type Warning } from '../../domain/warnings.ts';
import { builder } from '../builder.ts';

/** The warnings of domain/warnings.ts, as the API names them. */
export const WriteWarning = builder.enumType('WriteWarning', {
  description: 'A change the API questions before saving it. Send the warnings you confirm in `confirmedWarnings`.',
  values: Object.fromEntries(WARNINGS.map((warning) => [warning, { description: WARNING_MEANINGS[warning] }])) as Record<Warning, { description: string }>,
});

export const CONFIRMED_WARNINGS_DESCRIPTION =
  'The warnings the person saw and saves despite; history keeps them. Send a list (empty at first) to be warned: ' +
  'a change meeting a warning not in it is refused (BAD_USER_INPUT with extensions.warnings). Omit it to be asked nothing.';
