// natural is imported by submodule only: its root loads database drivers and prints notices.
declare module 'natural/lib/natural/distance/dice_coefficient.js' {
  /** Sørensen–Dice coefficient of the two strings' character bigrams, 0…1. */
  export default function diceCoefficient(a: string, b: string): number;
}
