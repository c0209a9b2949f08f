import { DOMParser, type Document, type Element } from '@xmldom/xmldom';

/**
 * A namespace-aware XML parser that refuses what is not well-formed: any
 * error or warning of the parser is a failure, never a silent repair.
 */
export function parseXml(text: string): Document {
  return new DOMParser({
    onError: (level, message) => {
      throw new Error(`XML ${level}: ${message}`);
    },
  }).parseFromString(text, 'application/xml');
}

/** Element children of `parent` (not text), optionally in one namespace and with one local name. */
export function childElements(parent: Element, ns?: string, name?: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 1) continue;
    const e = n as Element;
    if ((ns === undefined || e.namespaceURI === ns) && (name === undefined || e.localName === name)) out.push(e);
  }
  return out;
}
