import { html } from 'hono/html';
import { dataAttributes } from './data-attributes.ts';
import type { Content, Html } from './html.ts';

type DataRow = readonly Content[] | { cells: readonly Content[]; data?: Readonly<Record<string, string>> };

export interface DataTableView {
  caption: Content;
  /** Read by screen readers only, when the heading above already says it. */
  captionHidden?: boolean;
  headers: readonly Content[];
  rows: readonly DataRow[];
  /** The first cell of each row names the row (th scope="row"). */
  rowHeaders?: boolean;
  /** A totals row, named by its first cell. */
  footer?: readonly Content[];
  /** A sentence in place of the rows when there are none. */
  empty?: string;
  className?: string;
  /** A class per column, e.g. keeping a column of buttons on one line. */
  columnClasses?: ReadonlyArray<string | undefined>;
}

const cellsOf = (row: DataRow) => ('cells' in row ? row.cells : (row as readonly Content[]));

function row(
  cells: readonly Content[],
  named: boolean,
  data?: Readonly<Record<string, string>>,
  classes: ReadonlyArray<string | undefined> = [],
): Html {
  return html`<tr${dataAttributes(data)}>${cells.map((cell, i) => {
    if (named && i === 0) return html`<th scope="row">${cell}</th>`;
    return classes[i] ? html`<td class="${classes[i]}">${cell}</td>` : html`<td>${cell}</td>`;
  })}</tr>`;
}

/** A table with its caption and column headers, for figures and lists that are read across. */
export function dataTable(view: DataTableView): Html {
  const { rows, rowHeaders = false } = view;
  const body =
    rows.length === 0 && view.empty
      ? html`<tr><td colspan="${view.headers.length}">${view.empty}</td></tr>`
      : rows.map((r) => row(cellsOf(r), rowHeaders, 'cells' in r ? r.data : undefined, view.columnClasses));
  return html`<table${view.className ? html` class="${view.className}"` : ''}>
    <caption${view.captionHidden ? html` class="visually-hidden"` : ''}>${view.caption}</caption>
    <thead><tr>${view.headers.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
    <tbody>${body}</tbody>
    ${view.footer ? html`<tfoot>${row(view.footer, true)}</tfoot>` : ''}
  </table>`;
}
