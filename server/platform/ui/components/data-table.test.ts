import { html } from 'hono/html';
import { describe, expect, it } from 'vitest';
import { dataTable } from './data-table.ts';

const render = async (view: Parameters<typeof dataTable>[0]) =>
  (await dataTable(view)).toString().replace(/\s+</g, '<');

describe('dataTable', () => {
  it('has a caption, column headers, row headers and a totals row', async () => {
    const out = await render({
      caption: 'Theo dịch vụ',
      headers: ['Dịch vụ', 'Tiếp nhận'],
      rows: [['Hỏi đáp', '3']],
      rowHeaders: true,
      footer: ['Tổng cộng', '3'],
    });
    expect(out).toContain('<caption>Theo dịch vụ</caption>');
    expect(out).toContain('<thead><tr><th scope="col">Dịch vụ</th><th scope="col">Tiếp nhận</th></tr></thead>');
    expect(out).toContain('<tr><th scope="row">Hỏi đáp</th><td>3</td></tr>');
    expect(out).toContain('<tfoot><tr><th scope="row">Tổng cộng</th><td>3</td></tr></tfoot>');
  });

  it('says there is nothing in one row across every column', async () => {
    expect(await render({ caption: 'x', headers: ['a', 'b', 'c'], rows: [], empty: 'Chưa có.' })).toContain(
      '<tbody><tr><td colspan="3">Chưa có.</td></tr></tbody>',
    );
  });

  it('keeps markup it is given, escapes text, and labels rows for tests and scripts', async () => {
    const out = await render({
      caption: 'x',
      headers: ['Mã'],
      rows: [{ cells: [html`<a href="/h">STP</a>`], data: { ma: 'STP' } }, ['<b>']],
    });
    expect(out).toContain('<tr data-ma="STP"><td><a href="/h">STP</a></td></tr>');
    expect(out).toContain('<td>&lt;b&gt;</td>');
  });
});
