import { SaxesParser } from 'saxes';

/**
 * A parsed XML document as a small tree, read by saxes: a conforming XML 1.0 parser that refuses what is not
 * well-formed (a forbidden character, a broken CDATA section, an undeclared prefix), so a test that parses a
 * document has also checked that every reader can.
 */

export interface XmlElement {
  /** Namespace URI and local name, e.g. `http://www.w3.org/2005/Atom` and `entry`. */
  uri: string;
  local: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const root: XmlElement = { uri: '', local: '#document', attributes: {}, children: [], text: '' };
  const open: XmlElement[] = [root];
  const current = () => open[open.length - 1];
  parser.on('opentag', (tag) => {
    const attributes = Object.fromEntries(Object.values(tag.attributes).map((a) => [a.uri ? `{${a.uri}}${a.local}` : a.local, a.value]));
    const element: XmlElement = { uri: tag.uri, local: tag.local, attributes, children: [], text: '' };
    current().children.push(element);
    open.push(element);
  });
  parser.on('closetag', () => open.pop());
  parser.on('text', (text) => (current().text += text));
  parser.on('cdata', (text) => (current().text += text));
  parser.on('error', (error) => {
    throw error;
  });
  parser.write(xml).close();
  if (root.children.length !== 1) throw new Error(`expected one document element, found ${root.children.length}`);
  return root.children[0];
}

/** The child elements with that namespace and local name. */
export const childrenOf = (element: XmlElement, uri: string, local: string) => element.children.filter((c) => c.uri === uri && c.local === local);
