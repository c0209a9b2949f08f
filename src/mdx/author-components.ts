import { z } from 'zod';
import { FileRef, Text } from '../schema/common.ts';

/**
 * The only components an MDX entry may use. Each has a schema for its
 * attributes (string literals only) and a rendering to plain HTML, so an
 * entry never becomes code: see docs/adr/0002-mdx-rendered-without-code.md.
 */
export interface HastElement {
  type: 'element';
  tagName: string;
  properties: Record<string, string | string[] | boolean>;
  children: unknown[];
}

interface AuthorComponent<S extends z.ZodType> {
  label: string;
  attributes: S;
  /** Whether the component wraps Markdown children. */
  hasChildren: boolean;
  render(attrs: z.infer<S>, children: unknown[]): HastElement;
}

const el = (tagName: string, properties: HastElement['properties'], children: unknown[] = []): HastElement => ({
  type: 'element',
  tagName,
  properties,
  children,
});
const text = (value: string) => ({ type: 'text', value });

const CALLOUT_KINDS = { note: 'Lưu ý', warning: 'Cảnh báo', tip: 'Hướng dẫn' } as const;

const Callout: AuthorComponent<
  z.ZodObject<{
    type: z.ZodDefault<z.ZodEnum<{ note: 'note'; warning: 'warning'; tip: 'tip' }>>;
    title: z.ZodOptional<z.ZodString>;
  }>
> = {
  label: 'Khung lưu ý',
  hasChildren: true,
  attributes: z.strictObject({
    type: z.enum(['note', 'warning', 'tip']).default('note'),
    title: Text(120).optional(),
  }),
  render: (a, children) =>
    el('aside', { className: ['callout', `callout--${a.type}`], role: 'note' }, [
      el('p', { className: ['callout__title'] }, [text(a.title ?? CALLOUT_KINDS[a.type])]),
      ...children,
    ]),
};

const Attachment: AuthorComponent<z.ZodObject<{ file: typeof FileRef; label: z.ZodString }>> = {
  label: 'Tệp đính kèm',
  hasChildren: false,
  attributes: z.strictObject({ file: FileRef, label: Text(200) }),
  render: (a) => el('p', { className: ['attachment'] }, [el('a', { href: a.file, download: true }, [text(a.label)])]),
};

const Figure: AuthorComponent<
  z.ZodObject<{ src: typeof FileRef; alt: z.ZodString; caption: z.ZodOptional<z.ZodString> }>
> = {
  label: 'Hình ảnh có chú thích',
  hasChildren: false,
  attributes: z.strictObject({ src: FileRef, alt: Text(300), caption: Text(300).optional() }),
  render: (a) =>
    el('figure', {}, [
      el('img', { src: a.src, alt: a.alt, loading: 'lazy', decoding: 'async' }),
      ...(a.caption ? [el('figcaption', {}, [text(a.caption)])] : []),
    ]),
};

export const AUTHOR_COMPONENTS = { Callout, Attachment, Figure } as const;
export type AuthorComponentName = keyof typeof AUTHOR_COMPONENTS;

export function isAuthorComponent(name: string | null | undefined): name is AuthorComponentName {
  return !!name && Object.hasOwn(AUTHOR_COMPONENTS, name);
}
