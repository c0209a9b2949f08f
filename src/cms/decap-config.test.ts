import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ENTRY_SCHEMAS } from '../schema/content/index.ts';
import { SECTION_IDS } from '../schema/sections.ts';
import { AUTHOR_COMPONENTS } from '../mdx/author-components.ts';
import { renderSafeMdx } from '../mdx/safe-mdx.ts';
import { decapConfig } from './decap-config.ts';
import { editorComponentDescriptors, REGISTER_EDITOR_COMPONENTS } from './editor-components.ts';
import type { DecapField } from './zod-to-decap.ts';

const site = { id: 'sotuphap', name: 'Sở Tư pháp', url: 'https://sotuphap.thuathienhue.gov.vn' };

/** Dotted paths of every field a zod schema declares, read from the schema itself. */
function schemaPaths(schema: z.core.$ZodType, prefix = ''): string[] {
  // biome-ignore lint/suspicious/noExplicitAny: zod's internal definitions are untyped
  let d = schema._zod.def as any;
  while (['optional', 'default', 'nullable'].includes(d.type)) d = d.innerType._zod.def;
  if (d.type === 'array') return schemaPaths(d.element, prefix);
  if (d.type === 'union' && d.discriminator) {
    return [...new Set(d.options.flatMap((o: z.core.$ZodType) => schemaPaths(o, prefix)))] as string[];
  }
  if (d.type !== 'object') return [];
  return Object.entries(d.shape as Record<string, z.core.$ZodType>).flatMap(([k, v]) => [
    `${prefix}${k}`,
    ...schemaPaths(v, `${prefix}${k}.`),
  ]);
}

function configPaths(fields: DecapField[], prefix = ''): string[] {
  return fields.flatMap((f) => [`${prefix}${f.name}`, ...configPaths(f.fields ?? [], `${prefix}${f.name}.`)]);
}

function allFields(fields: DecapField[]): DecapField[] {
  return fields.flatMap((f) => [f, ...allFields(f.fields ?? []), ...(f.field ? [f.field] : [])]);
}

describe('the Decap config is generated from the zod schemas', () => {
  const config = decapConfig({ site, sections: SECTION_IDS });

  it.each(SECTION_IDS)(
    '%s: asks for the publish-at and expire-at moments with their hour, optional (docs/adr/0049)',
    (section) => {
      const fields = config.collections.find((c) => c.name === section)!.fields;
      for (const name of ['publishAt', 'expireAt']) {
        expect(
          fields.find((f) => f.name === name),
          `${section}.${name}`,
        ).toMatchObject({ widget: 'datetime', required: false, time_format: 'HH:mm', format: 'YYYY-MM-DDTHH:mm:ssZ' });
      }
      // A plain date stays a date.
      expect(fields.find((f) => f.name === 'date')).toMatchObject({ widget: 'datetime', time_format: false });
    },
  );

  it.each(SECTION_IDS)('%s: the form has exactly the fields of the schema, plus the body', (section) => {
    const collection = config.collections.find((c) => c.name === section)!;
    expect(configPaths(collection.fields).sort()).toEqual([...schemaPaths(ENTRY_SCHEMAS[section]), 'body'].sort());
  });

  it('every field and every choice has a Vietnamese label, never the bare identifier', () => {
    for (const collection of config.collections) {
      for (const field of allFields(collection.fields)) {
        if (field.name !== 'item') expect(field.label, `${collection.name}.${field.name}`).not.toBe(field.name);
        for (const option of field.options ?? [])
          expect(option.label, `${collection.name}.${field.name}=${option.value}`).not.toBe(option.value);
      }
    }
  });

  it('maps zod types to widgets: enums to selects, dates to datetime, booleans, numbers, lists, objects', () => {
    const news = config.collections.find((c) => c.name === 'tin-tuc')!.fields;
    const byName = Object.fromEntries(news.map((f) => [f.name, f]));
    expect(byName.category).toMatchObject({ widget: 'select', label: 'Chuyên mục' });
    expect(byName.category.options).toContainEqual({ value: 'pho-bien-phap-luat', label: 'Phổ biến pháp luật' });
    expect(byName.date).toMatchObject({ widget: 'datetime', label: 'Ngày đăng' });
    expect(byName.updated).toMatchObject({ widget: 'datetime', required: false });
    expect(byName.stateSecret).toMatchObject({ widget: 'boolean', default: false });
    expect(byName.summary.widget).toBe('text');
    expect(byName.source.widget).toBe('object');
    expect(byName.source.fields?.[0]).toMatchObject({ name: 'kind', widget: 'select' });
    const procedure = Object.fromEntries(
      config.collections.find((c) => c.name === 'thu-tuc-hanh-chinh')!.fields.map((f) => [f.name, f]),
    );
    expect(procedure.steps).toMatchObject({ widget: 'list', min: 1 });
    expect(procedure.legalBasis.field).toMatchObject({ widget: 'text' });
    expect(procedure.forms.fields?.find((f) => f.name === 'file')?.widget).toBe('file');
    const directory = Object.fromEntries(
      config.collections.find((c) => c.name === 'danh-ba')!.fields.map((f) => [f.name, f]),
    );
    expect(directory.order).toMatchObject({ widget: 'number', value_type: 'int', default: 100 });
  });

  it('is the editorial workflow in Vietnamese, over our proxy, with the site media folder', () => {
    expect(config).toMatchObject({
      backend: { name: 'proxy', proxy_url: '/admin/api/v1', branch: 'main' },
      locale: 'vi',
      publish_mode: 'editorial_workflow',
      media_folder: 'content/sotuphap/tep',
      public_folder: '/tep',
    });
    for (const c of config.collections)
      expect(c).toMatchObject({ extension: 'mdx', format: 'frontmatter', folder: `content/sotuphap/${c.name}` });
  });

  it("puts each entry's files in its own folder, named as Decap names entries (ADR 0021)", () => {
    for (const c of config.collections) {
      expect(c).toMatchObject({
        media_folder: `/content/sotuphap/tep/${c.name}/{{slug}}`,
        public_folder: `/tep/${c.name}/{{slug}}`,
      });
    }
    expect(config.slug).toEqual({ encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' });
  });

  it('lists only the sections given, in the order of Điều 7', () => {
    const editor = decapConfig({ site, sections: ['van-ban', 'tin-tuc'] });
    expect(editor.collections.map((c) => c.name)).toEqual(['van-ban', 'tin-tuc']);
    expect(editor.collections.every((c) => c.delete === false)).toBe(true);
  });
});

describe('author components as Decap editor components', () => {
  const descriptors = editorComponentDescriptors();

  it('one per allowed MDX component, fields from its attribute schema', () => {
    expect(descriptors.map((d) => d.id)).toEqual(Object.keys(AUTHOR_COMPONENTS));
    const callout = descriptors.find((d) => d.id === 'Callout')!;
    expect(callout.fields.map((f) => f.name)).toEqual(['type', 'title', 'body']);
    expect(callout.fields[0]).toMatchObject({ widget: 'select', default: 'note' });
    expect(descriptors.find((d) => d.id === 'Attachment')!.fields.find((f) => f.name === 'file')?.widget).toBe('file');
  });

  it('writes blocks that the safe MDX renderer accepts, even with quotes and braces in values, and reads them back', () => {
    // biome-ignore lint/suspicious/noExplicitAny: Decap's editor components, as the browser would register them
    const registered: any[] = [];
    new Function('CMS', 'components', `${REGISTER_EDITOR_COMPONENTS}(CMS, components)`)(
      { registerEditorComponent: (c: unknown) => registered.push(c) },
      descriptors,
    );
    const figure = registered.find((c) => c.id === 'Figure');
    const block = figure.toBlock({ src: '/tep/anh.jpg', alt: 'Ảnh "đẹp" {x} <b>', caption: 'Chú thích' });
    const rendered = renderSafeMdx(block);
    expect(rendered.issues).toEqual([]);
    expect(rendered.html).toContain('alt="Ảnh &#x22;đẹp&#x22; {x} <b>"');
    expect(figure.fromBlock(block.match(figure.pattern))).toMatchObject({ alt: 'Ảnh "đẹp" {x} <b>' });
    // Decap refuses editor components whose pattern has the multiline flag: they would not be recognised when an entry is reopened.
    expect(figure.pattern.flags).not.toContain('m');
    const callout = registered.find((c) => c.id === 'Callout');
    const box = callout.toBlock({ type: 'warning', title: 'Hạn chót', body: 'Nộp trước **16 giờ**.' });
    expect(renderSafeMdx(box).issues).toEqual([]);
    expect(callout.fromBlock(box.match(callout.pattern))).toMatchObject({
      type: 'warning',
      body: 'Nộp trước **16 giờ**.',
    });
  });
});
