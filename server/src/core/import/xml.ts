/**
 * A small element tree over fast-xml-parser's ordered output, for reading Office Open XML parts.
 * Document type declarations are refused (no entity expansion from a hostile file).
 */
import { XMLParser } from 'fast-xml-parser';
import { ImportError } from './draft';

export interface XEl {
  name: string;
  attrs: Record<string, string>;
  children: XEl[];
  /** For text nodes ('#text'). */
  text?: string;
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };

function convert(items: Ordered[]): XEl[] {
  const out: XEl[] = [];
  for (const item of items) {
    for (const key of Object.keys(item)) {
      if (key === ':@') continue;
      if (key === '#text') {
        out.push({ name: '#text', attrs: {}, children: [], text: String(item[key]) });
        continue;
      }
      const kids = item[key];
      out.push({ name: key, attrs: item[':@'] ?? {}, children: Array.isArray(kids) ? convert(kids as Ordered[]) : [] });
    }
  }
  return out;
}

/** Parses an XML part into its root element. */
export function parseXmlPart(xml: string, part: string): XEl {
  if (/<!DOCTYPE/i.test(xml.slice(0, 4096)))
    throw new ImportError(`${part} declares a document type, which Office files never do; refused`);
  let items: Ordered[];
  try {
    items = parser.parse(xml) as Ordered[];
  } catch (err) {
    throw new ImportError(`${part} is not well-formed XML (${(err as Error).message})`);
  }
  const root = convert(items).find((n) => n.name !== '#text');
  if (!root) throw new ImportError(`${part} is empty`);
  return root;
}

export function kids(el: XEl | undefined, name: string): XEl[] {
  return el ? el.children.filter((c) => c.name === name) : [];
}

export function kid(el: XEl | undefined, name: string): XEl | undefined {
  return el?.children.find((c) => c.name === name);
}

/** Every descendant with this name (not descending into matches). */
export function descendants(el: XEl, name: string, out: XEl[] = []): XEl[] {
  for (const c of el.children) {
    if (c.name === name) out.push(c);
    else descendants(c, name, out);
  }
  return out;
}

export function textOf(el: XEl): string {
  if (el.name === '#text') return el.text ?? '';
  return el.children.map(textOf).join('');
}
