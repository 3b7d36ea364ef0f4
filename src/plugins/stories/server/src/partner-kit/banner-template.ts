import { ACTION, ALLIANCE, BANNER_ALT, CALL, CLAIM } from './call';
import { BLUE, RED, WHITE, YELLOW } from './colours';
import { lineWidth, outlinedLine, type Weight } from './outlines';

/**
 * The one banner template: the claim, the call, a "Jetzt mitmachen" button and the alliance's name on the
 * alliance's blue, laid out for any size. A wide strip (leaderboard) sets claim, call and button side by side; every
 * other shape stacks them, centred when narrow. The largest type that fits wins; text is drawn as outlines.
 */

export interface BannerSize {
  width: number;
  height: number;
}

const LEADING = 1.15;

interface Block {
  lines: string[];
  /** Type size relative to the layout's unit. */
  scale: number;
  weight: Weight;
  colour: string;
  button?: boolean;
}

/** Claim, call, button, alliance: the parts and their sizes relative to each other. */
const claim = (lines: string[]): Block => ({ lines, scale: 1, weight: 'bold', colour: WHITE });
const call = (lines: string[]): Block => ({ lines, scale: 0.62, weight: 'bold', colour: YELLOW });
const button: Block = { lines: [ACTION], scale: 0.4, weight: 'bold', colour: WHITE, button: true };
const alliance: Block = { lines: [ALLIANCE], scale: 0.3, weight: 'regular', colour: WHITE };

const CLAIM_LINES = [[CLAIM], CLAIM.split(' ')];

/** Greedy wrapping of the call into lines no wider than `max` at `size`. */
function wrap(text: string, size: number, max: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && lineWidth(`${last} ${word}`, size, 'bold') <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** The split into two lines whose longer line is shortest. */
function inTwoLines(text: string): string[] {
  const words = text.split(' ');
  const splits = words.slice(1).map((_, index) => [words.slice(0, index + 1).join(' '), words.slice(index + 1).join(' ')]);
  const longer = (lines: string[]) => Math.max(...lines.map((line) => lineWidth(line, 1, 'bold')));
  return splits.reduce((a, b) => (longer(b) < longer(a) ? b : a));
}

const buttonPad = (size: number) => ({ x: size * 0.9, height: size * 2.1 });

function blockWidth(block: Block, unit: number): number {
  const size = block.scale * unit;
  const widest = Math.max(...block.lines.map((line) => lineWidth(line, size, block.weight)));
  return block.button ? widest + 2 * buttonPad(size).x : widest;
}

function blockHeight(block: Block, unit: number): number {
  const size = block.scale * unit;
  return block.button ? buttonPad(size).height : block.lines.length * size * LEADING;
}

/** Draws a block with its top-left (or top-centre) at (x, top). */
function drawBlock(block: Block, unit: number, x: number, top: number, align: 'start' | 'middle'): string {
  const size = block.scale * unit;
  if (block.button) {
    const width = blockWidth(block, unit);
    const { height } = buttonPad(size);
    const left = align === 'middle' ? x - width / 2 : x;
    const label = outlinedLine(block.lines[0], { x: left + buttonPad(size).x, y: top + height / 2 + size * 0.36, size, weight: block.weight, colour: block.colour });
    return `<rect x="${left.toFixed(2)}" y="${top.toFixed(2)}" width="${width.toFixed(2)}" height="${height.toFixed(2)}" rx="${(height / 2).toFixed(2)}" fill="${RED}"/>${label}`;
  }
  return block.lines
    .map((line, index) => {
      const width = lineWidth(line, size, block.weight);
      const left = align === 'middle' ? x - width / 2 : x;
      return outlinedLine(line, { x: left, y: top + size * (index * LEADING + 0.93), size, weight: block.weight, colour: block.colour });
    })
    .join('');
}

/** The largest unit in [min, max] for which `fits` holds (fits is monotone: smaller always fits if larger does). */
function largest(fits: (unit: number) => boolean, max: number): number {
  let low = 1;
  let high = max;
  for (let step = 0; step < 30; step += 1) {
    const mid = (low + high) / 2;
    if (fits(mid)) low = mid;
    else high = mid;
  }
  return low;
}

function stacked(size: BannerSize, pad: number): string {
  const innerWidth = size.width - 2 * pad;
  const innerHeight = size.height - 2 * pad;
  const gap = (unit: number) => unit * 0.45;
  const blocksAt = (unit: number, claimLines: string[]) => [claim(claimLines), call(wrap(CALL, 0.62 * unit, innerWidth)), button, alliance];
  const heightAt = (blocks: Block[], unit: number) => blocks.reduce((sum, block) => sum + blockHeight(block, unit), 0) + gap(unit) * (blocks.length - 1) + unit * 0.25;
  const fits = (claimLines: string[]) => (unit: number) => {
    const blocks = blocksAt(unit, claimLines);
    return blocks.every((block) => blockWidth(block, unit) <= innerWidth) && heightAt(blocks, unit) <= innerHeight;
  };
  const options = CLAIM_LINES.map((lines) => ({ lines, unit: largest(fits(lines), innerHeight) }));
  const best = options.reduce((a, b) => (b.unit > a.unit * 1.05 ? b : a));
  const unit = Math.min(best.unit, innerHeight / 4);
  const blocks = blocksAt(unit, best.lines);
  const align = size.width / size.height < 0.8 ? 'middle' : 'start';
  const x = align === 'middle' ? size.width / 2 : pad;
  // A tall banner spends most of its spare height between the parts rather than above and below them.
  const spare = innerHeight - heightAt(blocks, unit);
  const between = align === 'middle' ? (spare * 0.6) / (blocks.length - 1) : 0;
  let top = pad + (spare - between * (blocks.length - 1)) / 2;
  const parts: string[] = [];
  blocks.forEach((block, index) => {
    parts.push(drawBlock(block, unit, x, top, align));
    top += blockHeight(block, unit) + gap(unit) + between;
    if (index > 0) return;
    // The yellow rule under the claim, as under the widget's heading.
    const ruleWidth = unit * 2.2;
    const ruleLeft = align === 'middle' ? x - ruleWidth / 2 : x;
    const ruleTop = top - between - gap(unit) * 0.55;
    parts.push(`<rect x="${ruleLeft.toFixed(2)}" y="${ruleTop.toFixed(2)}" width="${ruleWidth.toFixed(2)}" height="${(unit * 0.12).toFixed(2)}" fill="${YELLOW}"/>`);
    top += unit * 0.25;
  });
  return parts.join('');
}

function strip(size: BannerSize, pad: number): string {
  const side = Math.max(pad, size.height * 0.25);
  const innerWidth = size.width - 2 * side;
  const innerHeight = size.height - 2 * pad;
  const gap = (unit: number) => unit * 0.8;
  const choices = CLAIM_LINES.flatMap((claimLines) => [[CALL], inTwoLines(CALL)].map((callLines) => [claim(claimLines), call(callLines), button]));
  const rowWidth = (blocks: Block[], unit: number) => blocks.reduce((sum, block) => sum + blockWidth(block, unit), 0) + gap(unit) * (blocks.length - 1);
  const fits = (blocks: Block[]) => (unit: number) => rowWidth(blocks, unit) <= innerWidth && blocks.every((block) => blockHeight(block, unit) <= innerHeight);
  const best = choices.map((blocks) => ({ blocks, unit: largest(fits(blocks), innerHeight) })).reduce((a, b) => (b.unit > a.unit ? b : a));
  const spare = innerWidth - rowWidth(best.blocks, best.unit);
  let x = side + spare / 2;
  return best.blocks
    .map((block) => {
      const drawn = drawBlock(block, best.unit, x, pad + (innerHeight - blockHeight(block, best.unit)) / 2, 'start');
      x += blockWidth(block, best.unit) + gap(best.unit);
      return drawn;
    })
    .join('');
}

export function bannerSvg(size: BannerSize): string {
  const short = Math.min(size.width, size.height);
  const band = Math.max(3, Math.round(short * 0.035));
  const pad = Math.round(short * 0.09);
  const content = size.width / size.height >= 4 ? strip({ width: size.width, height: size.height - band }, pad * 0.7) : stacked({ width: size.width, height: size.height - band }, pad);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}" viewBox="0 0 ${size.width} ${size.height}" role="img" aria-label="${BANNER_ALT}">
<title>${BANNER_ALT}</title>
<rect width="${size.width}" height="${size.height}" fill="${BLUE}"/>
<rect y="${size.height - band}" width="${size.width}" height="${band}" fill="${RED}"/>
${content}
</svg>
`;
}
