/**
 * Fewer layout passes for pdfmake's `pageBreakBefore`, same pages.
 *
 * pdfmake 0.3 lays the whole document out, asks `pageBreakBefore` about each node in order, and at
 * the FIRST node that should start a new page sets `pageBreak: 'before'` on it and lays the whole
 * document out again — once per page break: 5 to 8 full layouts for an annual report, three
 * quarters of its rendering time. Yet what follows a top-level node that starts on a new page
 * (`pageBreak: 'before'`: every section title) is laid out the same whatever comes before it: same
 * page size, margins and starting point; only page NUMBERS move. So for a callback that looks at a
 * node and at its position within its page — not at page numbers — the first break of every such
 * segment can be taken in the same pass: the breaks pdfmake would have found one pass at a time,
 * found in as many passes as the busiest segment needs. `layoutDocument` below is pdfmake's own
 * (node_modules/pdfmake/js/LayoutBuilder.js, 0.3.11) with that one change, used only for callbacks
 * registered with `paginateBySegments`; the test `pdfmake-pagination.spec.ts` checks that the PDFs
 * are byte for byte those of pdfmake's loop.
 */
import LayoutBuilderModule = require('pdfmake/js/LayoutBuilder');
import DocPreprocessorModule = require('pdfmake/js/DocPreprocessor');
import DocMeasureModule = require('pdfmake/js/DocMeasure');

/** What pdfmake tells `pageBreakBefore` about a node (a subset of pdfmake's internal node). */
interface LayoutNode {
  pageBreak?: string;
  pageBreakCalculated?: boolean;
  positions: { pageNumber: number }[];
  text?: unknown;
  listMarker?: unknown;
  nodeInfo?: Record<string, unknown>;
  resetXY(): void;
  [key: string]: unknown;
}

type PageBreakBefore = (nodeInfo: Record<string, unknown>, helpers: Record<string, () => Record<string, unknown>[]>) => boolean;

interface LayoutBuilder {
  docPreprocessor: unknown;
  docMeasure: unknown;
  svgMeasure: unknown;
  tableLayouts: unknown;
  tryLayoutDocument(...args: unknown[]): { pages: unknown[]; linearNodeList: LayoutNode[] };
}

const NODE_INFO_KEYS = ['id', 'text', 'ul', 'ol', 'table', 'image', 'qr', 'canvas', 'svg', 'columns', 'headlineLevel', 'style', 'pageBreak', 'pageOrientation', 'width', 'height'];

/** Callbacks that depend only on a node and its position within its page (see above). */
const segmentSafe = new WeakSet<object>();

/** Lets pdfmake take the breaks `callback` asks for one segment at a time (see above); installs the change once. */
export function paginateBySegments(callback: (...args: never[]) => boolean): void {
  segmentSafe.add(callback);
  install();
}

let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  const prototype = (LayoutBuilderModule as unknown as { default: { prototype: Record<string, unknown> } }).default.prototype;
  const original = prototype['layoutDocument'] as (this: LayoutBuilder, ...args: unknown[]) => unknown[];
  const DocPreprocessor = (DocPreprocessorModule as unknown as { default: new () => unknown }).default;
  const DocMeasure = (DocMeasureModule as unknown as { default: new (...args: unknown[]) => unknown }).default;

  prototype['layoutDocument'] = function layoutDocument(
    this: LayoutBuilder,
    docStructure: unknown,
    pdfDocument: unknown,
    styleDictionary: unknown,
    defaultStyle: unknown,
    background: unknown,
    header: unknown,
    footer: unknown,
    watermark: unknown,
    pageBreakBeforeFct: unknown,
  ): unknown[] {
    if (typeof pageBreakBeforeFct !== 'function' || !segmentSafe.has(pageBreakBeforeFct)) {
      return original.call(this, docStructure, pdfDocument, styleDictionary, defaultStyle, background, header, footer, watermark, pageBreakBeforeFct);
    }
    const pageBreakBefore = pageBreakBeforeFct as PageBreakBefore;
    // The top-level nodes: one that starts on a new page starts a segment.
    const topLevel = () => new Set<unknown>(Array.isArray(docStructure) ? docStructure : ((docStructure as { stack?: unknown[] }).stack ?? []));

    const addPageBreaksIfNecessary = (allNodes: LayoutNode[], pages: unknown[]): boolean => {
      const top = topLevel();
      const segmentOf = new Map<LayoutNode, number>();
      let segment = 0;
      for (const node of allNodes) {
        if (node.pageBreak === 'before' && top.has(node)) segment += 1;
        segmentOf.set(node, segment);
      }
      const hasRenderableContent = (node: LayoutNode) => !!node && node.positions.length > 0 && !(node.text === '' && !node.listMarker);
      const linearNodeList = allNodes.filter(hasRenderableContent);
      for (const node of linearNodeList) {
        const nodeInfo: Record<string, unknown> = {};
        for (const key of NODE_INFO_KEYS) if (node[key] !== undefined) nodeInfo[key] = node[key];
        nodeInfo['startPosition'] = node.positions[0];
        nodeInfo['pageNumbers'] = Array.from(new Set(node.positions.map((p) => p.pageNumber)));
        nodeInfo['pages'] = pages.length;
        nodeInfo['stack'] = Array.isArray(node['stack']);
        node.nodeInfo = nodeInfo;
      }
      const broken = new Set<number>();
      for (let index = 0; index < linearNodeList.length; index++) {
        const node = linearNodeList[index] as LayoutNode;
        const nodeSegment = segmentOf.get(node) ?? 0;
        if (broken.has(nodeSegment)) continue; // laid out again anyway: asked in the next pass
        if (node.pageBreak !== 'before' && !node.pageBreakCalculated) {
          node.pageBreakCalculated = true;
          const info = node.nodeInfo as Record<string, unknown>;
          const pageNumber = (info['pageNumbers'] as number[])[0] as number;
          const on = (page: number, from: number, to: number) =>
            linearNodeList.slice(from, to).filter((n) => (n.nodeInfo?.['pageNumbers'] as number[]).includes(page)).map((n) => n.nodeInfo as Record<string, unknown>);
          if (
            pageBreakBefore(info, {
              getFollowingNodesOnPage: () => on(pageNumber, index + 1, linearNodeList.length),
              getNodesOnNextPage: () => on(pageNumber + 1, index + 1, linearNodeList.length),
              getPreviousNodesOnPage: () => on(pageNumber, 0, index),
            })
          ) {
            node.pageBreak = 'before';
            broken.add(nodeSegment);
          }
        }
      }
      return broken.size > 0;
    };

    this.docPreprocessor = new DocPreprocessor();
    this.docMeasure = new DocMeasure(pdfDocument, styleDictionary, defaultStyle, this.svgMeasure, this.tableLayouts);
    let result = this.tryLayoutDocument(docStructure, pdfDocument, styleDictionary, defaultStyle, background, header, footer, watermark);
    while (addPageBreaksIfNecessary(result.linearNodeList, result.pages)) {
      for (const node of result.linearNodeList) node.resetXY();
      result = this.tryLayoutDocument(docStructure, pdfDocument, styleDictionary, defaultStyle, background, header, footer, watermark);
    }
    return result.pages;
  };
}
