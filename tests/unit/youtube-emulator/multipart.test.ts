import { MultipartParser, parseMultipartBuffer } from '../../../src/youtube-emulator/multipart';

function body(boundary: string, media: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`--${boundary}\r\ncontent-type: application/json\r\n\r\n{"snippet":{"title":"x"}}\r\n--${boundary}\r\ncontent-type: video/mp4\r\n\r\n`),
    media,
    Buffer.from(`\r\n--${boundary}--`),
  ]);
}

function parseInPieces(data: Buffer, boundary: string, cuts: number[]): Array<{ type: string; body: Buffer }> {
  const parts: Array<{ type: string; chunks: Buffer[] }> = [];
  const parser = new MultipartParser(boundary, {
    onPartBegin: (headers) => parts.push({ type: headers['content-type'] ?? '', chunks: [] }),
    onPartData: (d) => parts[parts.length - 1]?.chunks.push(Buffer.from(d)),
    onPartEnd: () => undefined,
  });
  let last = 0;
  for (const cut of [...cuts, data.length]) {
    parser.write(data.subarray(last, cut));
    last = cut;
  }
  expect(parser.finished).toBe(true);
  return parts.map((p) => ({ type: p.type, body: Buffer.concat(p.chunks) }));
}

describe('youtube emulator: streaming multipart parser', () => {
  // Media that contains near-misses of the delimiter must come through intact.
  const boundary = '3f2c9a4e-boundary';
  const media = Buffer.concat([Buffer.from('\r\n--3f2c9a4e-boundar'), Buffer.alloc(50, 1), Buffer.from('\r\n--'), Buffer.alloc(20, 2)]);
  const data = body(boundary, media);

  it('finds the same parts wherever the stream is split', () => {
    for (let cut = 1; cut < data.length; cut++) {
      const parts = parseInPieces(data, boundary, [cut]);
      expect(parts).toHaveLength(2);
      expect(parts[0]?.body.toString()).toBe('{"snippet":{"title":"x"}}');
      expect(parts[1]?.type).toBe('video/mp4');
      expect(parts[1]?.body.equals(media)).toBe(true);
    }
  });

  it('copes with one byte at a time', () => {
    const cuts = Array.from({ length: data.length - 1 }, (_, i) => i + 1);
    expect(parseInPieces(data, boundary, cuts)[1]?.body.equals(media)).toBe(true);
  });

  it('reports an unfinished body', () => {
    expect(() => parseMultipartBuffer(data.subarray(0, data.length - 5), boundary)).toThrow(/incomplete/);
  });
});
