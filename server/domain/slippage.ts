import { daysBetween } from './dates.ts';

/** A moved date as history keeps it (a TARGET_DATE_CHANGED or DUE_DATE_CHANGED event): yyyy-mm-dd values and the reason. */
export type DateMove = { fromValue: string | null; toValue: string | null; comment: string | null; createdAt: Date };

export type Slippage = {
  /** The first date ever set: a date is never overwritten, its earlier values stay in history. */
  firstDate: Date | null;
  currentDate: Date | null;
  /** Whole days from the first date to the current one: positive when it slipped, null without both dates. */
  days: number | null;
  moves: { from: Date | null; to: Date | null; reason: string | null; on: Date }[];
};

const asDay = (value: string | null) => (value ? new Date(`${value}T00:00:00.000Z`) : null);

/**
 * How far a target or due date has moved from the first one set, from its moves in history
 * (oldest first). A date set where there was none is not a move of the first date.
 */
export function slippage(currentDate: Date | null, moves: DateMove[]): Slippage {
  const values = [moves[0]?.fromValue ?? null, ...moves.map((move) => move.toValue)].map(asDay);
  const firstDate = values.find((value) => value !== null) ?? currentDate;
  return {
    firstDate,
    currentDate,
    days: firstDate && currentDate ? daysBetween(firstDate, currentDate) : null,
    moves: moves.map((move) => ({ from: asDay(move.fromValue), to: asDay(move.toValue), reason: move.comment, on: move.createdAt })),
  };
}
