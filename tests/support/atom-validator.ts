import type { Element } from '@xmldom/xmldom';
import { childElements, parseXml } from './xml.ts';

/**
 * A strict check of an Atom Feed Document against RFC 4287: well-formed XML,
 * the Atom namespace, and every "MUST" of sections 4.1 to 4.2 on what a
 * feed and its entries contain. Returns the problems, each naming where it
 * is; an empty list means the feed is valid. Used by the tests so a feed is
 * judged by a validator, not by eye.
 */
export const ATOM_NS = 'http://www.w3.org/2005/Atom';
const XHTML_NS = 'http://www.w3.org/1999/xhtml';

/** RFC 3339 date-time (section 3.3): upper-case T and Z, a time zone. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
/** An absolute IRI (section 4.2.6 wants one for atom:id). */
const ABSOLUTE_IRI = /^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]+$/;
const TEXT_TYPES = ['text', 'html', 'xhtml'];

/** Elements RFC 4287 defines as children of feed and entry. */
const FEED_CHILDREN = [
  'author',
  'category',
  'contributor',
  'generator',
  'icon',
  'id',
  'link',
  'logo',
  'rights',
  'subtitle',
  'title',
  'updated',
  'entry',
];
const ENTRY_CHILDREN = [
  'author',
  'category',
  'content',
  'contributor',
  'id',
  'link',
  'published',
  'rights',
  'source',
  'summary',
  'title',
  'updated',
];

export function atomProblems(xml: string): string[] {
  let doc: ReturnType<typeof parseXml>;
  try {
    doc = parseXml(xml);
  } catch (error) {
    return [(error as Error).message];
  }
  const feed = doc.documentElement;
  if (!feed || feed.namespaceURI !== ATOM_NS || feed.localName !== 'feed') return ['the root element is not atom:feed'];
  const problems: string[] = [];
  const say = (where: string, what: string) => problems.push(`${where}: ${what}`);

  const atom = (parent: Element, name: string) => childElements(parent, ATOM_NS, name);
  const exactlyOne = (parent: Element, name: string, where: string) => {
    const found = atom(parent, name);
    if (found.length !== 1) say(where, `${found.length} atom:${name}, exactly one required`);
    return found[0];
  };
  const atMostOne = (parent: Element, name: string, where: string) => {
    if (atom(parent, name).length > 1) say(where, `more than one atom:${name}`);
  };
  const text = (e: Element) => (e.textContent ?? '').trim();

  const checkDate = (e: Element | undefined, where: string) => {
    if (e && !DATE_TIME.test(text(e))) say(where, `atom:${e.localName} "${text(e)}" is not an RFC 3339 date-time`);
  };
  const checkText = (e: Element | undefined, where: string) => {
    if (!e) return;
    const type = e.getAttribute('type') || 'text';
    if (!TEXT_TYPES.includes(type)) say(where, `atom:${e.localName} has type "${type}"`);
    if (type !== 'xhtml' && childElements(e).length > 0)
      say(where, `atom:${e.localName} of type ${type} holds child elements`);
    if (type === 'xhtml' && (childElements(e).length !== 1 || childElements(e, XHTML_NS, 'div').length !== 1)) {
      say(where, `atom:${e.localName} of type xhtml must hold exactly one xhtml:div`);
    }
  };
  const checkId = (e: Element | undefined, where: string) => {
    if (e && !ABSOLUTE_IRI.test(text(e))) say(where, `atom:id "${text(e)}" is not an absolute IRI`);
  };
  const checkPeople = (parent: Element, where: string) => {
    for (const name of ['author', 'contributor']) {
      for (const person of atom(parent, name)) {
        if (atom(person, 'name').length !== 1) say(where, `atom:${name} needs exactly one atom:name`);
        atMostOne(person, 'uri', `${where} atom:${name}`);
        atMostOne(person, 'email', `${where} atom:${name}`);
      }
    }
  };
  const checkLinks = (parent: Element, where: string) => {
    const alternates = new Set<string>();
    for (const link of atom(parent, 'link')) {
      if (!link.getAttribute('href')) say(where, 'atom:link without href');
      if ((link.getAttribute('rel') || 'alternate') === 'alternate') {
        const key = `${link.getAttribute('type') ?? ''}|${link.getAttribute('hreflang') ?? ''}`;
        if (alternates.has(key)) say(where, 'two alternate links with the same type and hreflang');
        alternates.add(key);
      }
    }
  };
  const checkCategories = (parent: Element, where: string) => {
    for (const c of atom(parent, 'category')) if (!c.getAttribute('term')) say(where, 'atom:category without term');
  };
  const checkChildren = (parent: Element, allowed: string[], where: string) => {
    for (const child of childElements(parent, ATOM_NS))
      if (!allowed.includes(child.localName ?? '')) say(where, `unknown atom:${child.localName}`);
  };

  // 4.1.1 atom:feed
  checkChildren(feed, FEED_CHILDREN, 'feed');
  checkId(exactlyOne(feed, 'id', 'feed'), 'feed');
  checkText(exactlyOne(feed, 'title', 'feed'), 'feed');
  checkDate(exactlyOne(feed, 'updated', 'feed'), 'feed');
  for (const name of ['generator', 'icon', 'logo', 'rights', 'subtitle']) atMostOne(feed, name, 'feed');
  checkText(atom(feed, 'subtitle')[0], 'feed');
  checkText(atom(feed, 'rights')[0], 'feed');
  checkPeople(feed, 'feed');
  checkLinks(feed, 'feed');
  checkCategories(feed, 'feed');
  const feedHasAuthor = atom(feed, 'author').length > 0;

  // 4.1.2 atom:entry
  const seen = new Set<string>();
  for (const [i, entry] of atom(feed, 'entry').entries()) {
    const where = `entry ${i + 1}`;
    checkChildren(entry, ENTRY_CHILDREN, where);
    const id = exactlyOne(entry, 'id', where);
    checkId(id, where);
    checkText(exactlyOne(entry, 'title', where), where);
    const updated = exactlyOne(entry, 'updated', where);
    checkDate(updated, where);
    for (const name of ['content', 'published', 'rights', 'source', 'summary']) atMostOne(entry, name, where);
    checkDate(atom(entry, 'published')[0], where);
    checkText(atom(entry, 'summary')[0], where);
    checkText(atom(entry, 'rights')[0], where);
    if (
      !feedHasAuthor &&
      atom(entry, 'author').length === 0 &&
      atom(entry, 'source').every((s) => atom(s, 'author').length === 0)
    ) {
      say(where, 'no atom:author, and the feed has none');
    }
    const content = atom(entry, 'content')[0];
    if (!content && !atom(entry, 'link').some((l) => (l.getAttribute('rel') || 'alternate') === 'alternate')) {
      say(where, 'neither atom:content nor an alternate atom:link');
    }
    if (content?.getAttribute('src') && atom(entry, 'summary').length === 0)
      say(where, 'out-of-line atom:content without atom:summary');
    checkPeople(entry, where);
    checkLinks(entry, where);
    checkCategories(entry, where);
    // 4.1.1: entries with the same id must differ in updated.
    const key = `${id ? text(id) : ''}|${updated ? text(updated) : ''}`;
    if (seen.has(key)) say(where, 'same atom:id and atom:updated as an earlier entry');
    seen.add(key);
  }
  return problems;
}
