/**
 * How many rows' probable repeats the intake screen asks for at once, while the inspector reads the
 * preview: the rest wait their turn rather than crowd the server. The repeats evaluation
 * (test/eval/repeats.ts) times a whole report the same way.
 */
export const SEEKING_AT_ONCE = 3;
