import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import type { IncomingMessage } from 'http';
import { transformSync } from 'esbuild';
import { isPath, pathOf } from '../public-api/request-target';
import { render, type PublicResponse } from '../public-api/response';

/**
 * The partner widget's two scripts, built from the readable sources in src/plugins/stories/widget/ when the
 * app starts (esbuild, in memory: nothing built is committed or written, so nothing can drift from the source):
 *
 * - `/embed/stories.<hash>.js`, the widget, minified, under an address that names its content: cached for a year;
 * - `/embed/stories.js`, the loader partners paste, which adds the widget from that address: cached a minute, so a
 *   new widget reaches partners' visitors soon after a deployment.
 *
 * Every instance built from the same sources names the widget alike, so a loader from one instance and the widget
 * from another fit together.
 */

export const LOADER_PATH = '/embed/stories.js';
const WIDGET_CACHE_CONTROL = 'public, max-age=31536000, immutable';
const LOADER_CACHE_CONTROL = 'public, max-age=60';
const JAVASCRIPT = 'application/javascript; charset=utf-8';
/** The widget is written for ES2018 browsers; esbuild must not turn it into anything newer. */
const TARGET = 'es2018';

export interface WidgetAssets {
  /** The widget's content-named address, for our own pages that load it directly. */
  widgetPath: string;
  /** Answers a GET/HEAD of the loader or the widget; false for any other request. */
  serve(req: IncomingMessage, write: (response: PublicResponse) => void): boolean;
}

const minify = (source: string, file: string, define: Record<string, string> = {}) => {
  try {
    return transformSync(source, { minify: true, target: TARGET, legalComments: 'none', define, sourcefile: file }).code;
  } catch (error) {
    throw new Error(`Partner widget: ${file} cannot be built: ${(error as Error).message}`);
  }
};

/** Reads and minifies the sources in `sourceDir`; `builtAt` is their Last-Modified. */
export function buildWidgetAssets(sourceDir: string, builtAt: Date): WidgetAssets {
  const read = (name: string) => fs.readFileSync(path.join(sourceDir, name), 'utf8');
  const widget = minify(read('stories.js'), 'stories.js');
  const hash = crypto.createHash('sha256').update(widget).digest('hex').slice(0, 16);
  const widgetPath = `/embed/stories.${hash}.js`;
  const loader = minify(read('loader.js'), 'loader.js', { WIDGET_BUNDLE: JSON.stringify(widgetPath) });
  const answers = new Map<string, PublicResponse>([
    [LOADER_PATH, render(loader, JAVASCRIPT, builtAt, LOADER_CACHE_CONTROL)],
    [widgetPath, render(widget, JAVASCRIPT, builtAt, WIDGET_CACHE_CONTROL)],
  ]);
  return {
    widgetPath,
    serve(req, write) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return false;
      const target = pathOf(req.url ?? '');
      const found = [...answers].find(([at]) => isPath(target, at));
      if (!found) return false;
      write(found[1]);
      return true;
    },
  };
}

/** Where the sources are: in the app's folder, beside the plugin's TypeScript (which runs compiled from dist/). */
export const widgetSourceDir = (appRoot: string) => path.join(appRoot, 'src', 'plugins', 'stories', 'widget');
