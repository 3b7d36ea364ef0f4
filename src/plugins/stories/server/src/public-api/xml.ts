/**
 * Elements of an XML 1.0 document, written as text. Every text and attribute value is escaped, and characters XML 1.0
 * forbids (most control characters, such as the vertical tab word processors paste; lone surrogates; U+FFFE/U+FFFF)
 * are dropped: a single one in a story would make the whole document unreadable for every parser.
 */

const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';

export const xmlText = (text: string) => text.replace(NOT_XML_CHAR, '').replace(/[&<>"]/g, (c) => XML_ESCAPES[c]);

/** Attribute values; an undefined one is left out. */
export type XmlAttributes = Record<string, string | number | undefined>;

const attributes = (attrs: XmlAttributes) =>
  Object.entries(attrs)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${xmlText(String(value))}"`)
    .join('');

export const textElement = (name: string, text: string, attrs: XmlAttributes = {}) => `<${name}${attributes(attrs)}>${xmlText(text)}</${name}>`;

export const emptyElement = (name: string, attrs: XmlAttributes) => `<${name}${attributes(attrs)}/>`;

/** An element around already written children, one per line. */
export const parentElement = (name: string, children: string[], attrs: XmlAttributes = {}) => `<${name}${attributes(attrs)}>\n${children.join('\n')}\n</${name}>`;
