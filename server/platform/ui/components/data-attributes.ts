import { html } from 'hono/html';

/**
 * `data-*` attributes that tests and scripts find elements by. Names come
 * from code, never from input; values are escaped like any other text.
 */
export function dataAttributes(data: Readonly<Record<string, string>> | undefined) {
  if (!data) return '';
  return Object.entries(data).map(([name, value]) => html` data-${name}="${value}"`);
}
