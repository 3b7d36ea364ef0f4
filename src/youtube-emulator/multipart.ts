// Streaming multipart/related parser. The Node client streams video uploads chunked with no
// Content-Length, so the media part is hashed as it flows instead of being held in memory.

export interface PartHandlers {
  onPartBegin(headers: Record<string, string>): void;
  onPartData(data: Buffer): void;
  onPartEnd(): void;
}

type State = 'preamble' | 'afterDelimiter' | 'headers' | 'body' | 'end';

export class MultipartParser {
  private readonly delimiter: Buffer;
  private readonly handlers: PartHandlers;
  private state: State = 'preamble';
  private buf: Buffer;
  partCount = 0;

  constructor(boundary: string, handlers: PartHandlers) {
    this.delimiter = Buffer.from(`\r\n--${boundary}`);
    this.handlers = handlers;
    // A virtual CRLF lets the first boundary (at offset 0) match the same delimiter as the others.
    this.buf = Buffer.from('\r\n');
  }

  get finished(): boolean {
    return this.state === 'end';
  }

  write(chunk: Buffer): void {
    if (this.state === 'end') return;
    this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
    this.process();
  }

  private process(): void {
    for (;;) {
      switch (this.state) {
        case 'preamble': {
          const idx = this.buf.indexOf(this.delimiter);
          if (idx < 0) {
            this.keepTail();
            return;
          }
          this.buf = this.buf.subarray(idx + this.delimiter.length);
          this.state = 'afterDelimiter';
          break;
        }
        case 'afterDelimiter': {
          if (this.buf.length < 2) return;
          if (this.buf[0] === 0x2d && this.buf[1] === 0x2d) {
            this.state = 'end';
            this.buf = Buffer.alloc(0);
            return;
          }
          const crlf = this.buf.indexOf('\r\n');
          if (crlf < 0) return;
          this.buf = this.buf.subarray(crlf + 2);
          this.state = 'headers';
          break;
        }
        case 'headers': {
          // A part may have no headers at all: then the blank line comes first.
          if (this.buf.length >= 2 && this.buf[0] === 0x0d && this.buf[1] === 0x0a) {
            this.beginPart({});
            this.buf = this.buf.subarray(2);
            break;
          }
          const end = this.buf.indexOf('\r\n\r\n');
          if (end < 0) {
            if (this.buf.length > 64 * 1024) throw new Error('multipart headers too long');
            return;
          }
          const headers: Record<string, string> = {};
          for (const line of this.buf.subarray(0, end).toString('utf8').split('\r\n')) {
            const colon = line.indexOf(':');
            if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
          }
          this.buf = this.buf.subarray(end + 4);
          this.beginPart(headers);
          break;
        }
        case 'body': {
          const idx = this.buf.indexOf(this.delimiter);
          if (idx < 0) {
            const safe = this.buf.length - (this.delimiter.length - 1);
            if (safe > 0) {
              this.handlers.onPartData(this.buf.subarray(0, safe));
              this.buf = Buffer.from(this.buf.subarray(safe));
            }
            return;
          }
          if (idx > 0) this.handlers.onPartData(this.buf.subarray(0, idx));
          this.handlers.onPartEnd();
          this.buf = this.buf.subarray(idx + this.delimiter.length);
          this.state = 'afterDelimiter';
          break;
        }
        case 'end':
          return;
      }
    }
  }

  private beginPart(headers: Record<string, string>): void {
    this.partCount += 1;
    this.state = 'body';
    this.handlers.onPartBegin(headers);
  }

  private keepTail(): void {
    const keep = this.delimiter.length - 1;
    if (this.buf.length > keep) this.buf = Buffer.from(this.buf.subarray(this.buf.length - keep));
  }
}

/** Parse a complete multipart body held in memory (captions, thumbnails). */
export function parseMultipartBuffer(body: Buffer, boundary: string): Array<{ headers: Record<string, string>; body: Buffer }> {
  const parts: Array<{ headers: Record<string, string>; chunks: Buffer[] }> = [];
  const parser = new MultipartParser(boundary, {
    onPartBegin: (headers) => parts.push({ headers, chunks: [] }),
    onPartData: (data) => parts[parts.length - 1]?.chunks.push(Buffer.from(data)),
    onPartEnd: () => undefined,
  });
  parser.write(body);
  if (!parser.finished) throw new Error('multipart body is incomplete');
  return parts.map((p) => ({ headers: p.headers, body: Buffer.concat(p.chunks) }));
}
