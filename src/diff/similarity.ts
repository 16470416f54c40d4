import diceCoefficient from 'natural/lib/natural/distance/dice_coefficient.js';

/** Similarity 0…1 of two folded keys (character-bigram Dice coefficient). */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (!a || !b) return 0;
  const score = diceCoefficient(a, b);
  return Number.isFinite(score) ? score : 0;
}
