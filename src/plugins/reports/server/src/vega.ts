/**
 * Vega-Lite renders the charts and the map to SVG on the server, in plain JavaScript (no browser, no canvas).
 * Vega 6 ships only as ES modules with top-level await, which `require` cannot load; the app is compiled to
 * CommonJS, where TypeScript would turn `import()` into `require`, so the import is built at run time.
 */

export type VegaLiteSpec = Record<string, unknown>;

interface VegaView {
  toSVG(): Promise<string>;
  finalize(): void;
}

interface Libraries {
  parse(spec: unknown): unknown;
  View: new (runtime: unknown, options: { renderer: 'none' }) => VegaView;
  compile(spec: VegaLiteSpec): { spec: unknown };
}

const importModule = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<Record<string, unknown>>;

let libraries: Promise<Libraries> | undefined;

/** One after the other: the two share modules, and Jest's module loader fails on concurrent imports of the same. */
async function importLibraries(): Promise<Libraries> {
  const vega = await importModule('vega');
  const vegaLite = await importModule('vega-lite');
  return { parse: vega.parse as Libraries['parse'], View: vega.View as Libraries['View'], compile: vegaLite.compile as Libraries['compile'] };
}

function load(): Promise<Libraries> {
  libraries ??= importLibraries().catch((error: Error) => {
    libraries = undefined;
    throw new Error(`reports: cannot load the chart renderer (vega, vega-lite): ${error.message}`);
  });
  return libraries;
}

/** One shared look for every chart, with German numbers (1.234,5); the PDF maps the font to its own. */
export const CHART_CONFIG = {
  locale: { number: { decimal: ',', thousands: '.', grouping: [3], currency: ['', '\u00a0€'] } },
  font: 'Helvetica',
  background: 'white',
  view: { stroke: null },
  axis: { labelFontSize: 9, titleFontSize: 10, labelColor: '#333333', titleColor: '#333333', gridColor: '#e6e6e6', domainColor: '#999999' },
  legend: { labelFontSize: 9, titleFontSize: 10 },
  title: { fontSize: 12, anchor: 'start', color: '#1a1a1a' },
};

export async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  const { compile, parse, View } = await load();
  const view = new View(parse(compile({ config: CHART_CONFIG, ...spec }).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
