import type { TDocumentDefinitions } from 'pdfmake/interfaces';

/** Test support: every text a reader can see in a pdfmake document definition. */

type Node = unknown;

function walk(node: Node, out: string[]): void {
  if (node === null || node === undefined) return;
  if (typeof node === 'string') {
    out.push(node);
    return;
  }
  if (typeof node === 'number') {
    out.push(String(node));
    return;
  }
  if (Array.isArray(node)) {
    node.forEach((child) => walk(child, out));
    return;
  }
  if (typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  if ('text' in record) walk(record['text'], out);
  for (const key of ['stack', 'columns', 'ul', 'ol']) {
    if (key in record) walk(record[key], out);
  }
  if (record['table'] && typeof record['table'] === 'object') walk((record['table'] as { body: unknown }).body, out);
  if (record['toc'] && typeof record['toc'] === 'object') walk((record['toc'] as { title?: unknown }).title, out);
}

/** Texts of the content, the header and footer of a few pages (the SVG of charts is not text). */
export function documentTexts(doc: TDocumentDefinitions, pages = 12): string[] {
  const out: string[] = [];
  walk(doc.content, out);
  for (let page = 1; page <= pages; page++) {
    for (const part of [doc.header, doc.footer]) {
      if (typeof part === 'function') {
        walk(part(page, pages, { width: 595.28, height: 841.89, orientation: 'portrait' }), out);
      } else {
        walk(part, out);
      }
    }
  }
  return out;
}

/** Every table of the content, for structural checks. */
export function documentTables(doc: TDocumentDefinitions): { widths: unknown[]; body: unknown[][]; fontSize?: number }[] {
  const tables: { widths: unknown[]; body: unknown[][]; fontSize?: number }[] = [];
  const visit = (node: Node): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record['table'] && typeof record['table'] === 'object') {
      const table = record['table'] as { widths?: unknown[]; body: unknown[][] };
      tables.push({ widths: table.widths ?? [], body: table.body, ...(typeof record['fontSize'] === 'number' ? { fontSize: record['fontSize'] } : {}) });
      table.body.forEach((row) => row.forEach(visit));
    }
    for (const key of ['stack', 'columns', 'ul', 'ol']) {
      if (key in record) visit(record[key]);
    }
  };
  visit(doc.content);
  return tables;
}
