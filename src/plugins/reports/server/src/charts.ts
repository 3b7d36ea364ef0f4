import type { ReportFigures } from './figures';
import type { DistrictFeature } from '../../../../shared/districts';
import { STATISTICAL_REGION_NAMES } from './labels';
import { renderSvg, type VegaLiteSpec } from './vega';
import type { ChartName } from '../../../../shared/report-options';

/** The report's charts as Vega-Lite specs, rendered to SVG for the PDF and for the admin page's preview. */

export { CHARTS, type ChartName } from '../../../../shared/report-options';

export interface ChartSize {
  width: number;
  height?: number;
}

const BLUE = '#1f5f99';

/** A count axis from zero; an empty report still gets an axis up to one rather than a collapsed one. */
const countScale = (values: { stories: number }[]) => (values.some((v) => v.stories > 0) ? { domainMin: 0 } : { domain: [0, 1] });
const ZERO = '#eeeeee';
const REGION_COLOURS = ['#1f5f99', '#3a9a5b', '#d9822b', '#8e5ea2'];

/** Lower Saxony's districts shaded by published stories; districts without any stay grey. */
export function districtMapSpec(outlines: DistrictFeature[], figures: ReportFigures, size: ChartSize): VegaLiteSpec {
  const stories = new Map(figures.districts.map((d) => [d.key, d.stories]));
  const max = Math.max(1, ...figures.districts.filter((d) => d.key).map((d) => d.stories));
  const features = outlines.map((f) => ({ ...f, properties: { ...f.properties, stories: stories.get(f.properties.key) ?? 0 } }));
  return {
    width: size.width,
    height: size.height ?? Math.round(size.width * 0.86),
    data: { values: features, format: { type: 'json' } },
    projection: { type: 'mercator' },
    mark: { type: 'geoshape', stroke: '#ffffff', strokeWidth: 0.7 },
    encoding: {
      color: {
        condition: { test: 'datum.properties.stories === 0', value: ZERO },
        field: 'properties.stories',
        type: 'quantitative',
        title: 'Veröffentlichte Geschichten',
        scale: { scheme: 'blues', domain: [0, max], nice: false },
        legend: { orient: 'bottom', direction: 'horizontal', gradientLength: 240, titleLimit: 400, format: ',d', tickCount: Math.min(max, 6) },
      },
      tooltip: [
        { field: 'properties.name', title: 'Landkreis' },
        { field: 'properties.stories', title: 'Geschichten' },
      ],
    },
  };
}

/** Horizontal bars of published stories per name, longest first, each labelled with its count. */
function storyBars(values: { name: string; stories: number }[], size: ChartSize, step: number, bars: object): VegaLiteSpec {
  return {
    width: size.width,
    height: { step },
    data: { values },
    encoding: {
      y: { field: 'name', type: 'nominal', sort: { field: 'stories', op: 'max', order: 'descending' }, title: null, axis: { labelLimit: 200 } },
      x: { field: 'stories', type: 'quantitative', title: 'Veröffentlichte Geschichten', scale: countScale(values), axis: { format: ',d', tickMinStep: 1 } },
    },
    layer: [
      bars,
      { mark: { type: 'text', align: 'left', dx: 3, fontSize: 8, color: '#333333' }, encoding: { text: { field: 'stories', type: 'quantitative', format: ',d' } } },
    ],
  };
}

export function districtBarsSpec(figures: ReportFigures, size: ChartSize): VegaLiteSpec {
  const values = figures.districts.filter((d) => d.key).map((d) => ({ name: d.name, stories: d.stories, region: d.statisticalRegion }));
  return storyBars(values, size, 13, {
    mark: { type: 'bar', height: 9 },
    encoding: {
      color: {
        field: 'region',
        type: 'nominal',
        title: 'Statistische Region',
        scale: { domain: Object.values(STATISTICAL_REGION_NAMES), range: REGION_COLOURS },
        legend: { orient: 'bottom', direction: 'horizontal' },
      },
    },
  });
}

export function themeBarsSpec(figures: ReportFigures, size: ChartSize): VegaLiteSpec {
  const values = figures.themes.map((t) => ({ name: t.name, stories: t.stories }));
  return storyBars(values, size, 16, { mark: { type: 'bar', color: BLUE, height: 11 } });
}

export function monthLineSpec(figures: ReportFigures, size: ChartSize): VegaLiteSpec {
  const values = figures.months.map((m) => ({ month: `${m.label.slice(0, 3)} ${String(m.year).slice(2)}`, order: m.key, stories: m.stories }));
  return {
    width: size.width,
    height: size.height ?? 160,
    data: { values },
    encoding: {
      x: { field: 'month', type: 'ordinal', sort: { field: 'order' }, title: null, axis: { labelAngle: values.length > 12 ? -45 : 0 } },
      y: { field: 'stories', type: 'quantitative', title: 'Veröffentlichte Geschichten', scale: countScale(values), axis: { format: ',d', tickMinStep: 1 } },
    },
    layer: [
      { mark: { type: 'line', color: BLUE, strokeWidth: 2, point: { color: BLUE, size: 30 } } },
      ...(values.length <= 24
        ? [{ mark: { type: 'text', dy: -9, fontSize: 8, color: '#333333' }, encoding: { text: { field: 'stories', type: 'quantitative', format: ',d' } } }]
        : []),
    ],
  };
}

function chartSpec(name: ChartName, outlines: DistrictFeature[], figures: ReportFigures, size: ChartSize): VegaLiteSpec {
  switch (name) {
    case 'map':
      return districtMapSpec(outlines, figures, size);
    case 'districts':
      return districtBarsSpec(figures, size);
    case 'themes':
      return themeBarsSpec(figures, size);
    case 'months':
      return monthLineSpec(figures, size);
  }
}

export const renderChart = (name: ChartName, outlines: DistrictFeature[], figures: ReportFigures, size: ChartSize) =>
  renderSvg(chartSpec(name, outlines, figures, size));
