import { InvalidFormatInputError } from './errors.ts';

const NUMBER = new Intl.NumberFormat('vi-VN');

/** Vietnamese grouping: "1.234.567", decimals after a comma ("1.234,5"). */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) throw new InvalidFormatInputError('number', n);
  return NUMBER.format(n);
}

/** An amount in đồng, which has no smaller unit in use: "1.234.567 đồng". */
export function formatVnd(n: number): string {
  if (!Number.isFinite(n)) throw new InvalidFormatInputError('number', n);
  return `${formatNumber(Math.round(n))} đồng`;
}
