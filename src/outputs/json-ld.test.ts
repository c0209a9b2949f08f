import { describe, expect, it } from 'vitest';
import { jsonLdText } from './json-ld.ts';

describe('a JSON-LD block stays data whatever an editor typed', () => {
  it('cannot close its script element or open a comment, and parses back to the same values', () => {
    const name = 'Quyết định </script><script>alert(1)</script> <!-- x';
    const text = jsonLdText({ '@type': 'Legislation', name });
    expect(text).not.toMatch(/<\/script|<!--/i);
    expect(JSON.parse(text)).toEqual({ '@context': 'https://schema.org', '@type': 'Legislation', name });
  });
});
