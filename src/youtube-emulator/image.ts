// Identify JPEG/PNG by their magic bytes (the declared Content-Type is not trusted, as on
// YouTube) and read the pixel size for the thumbnail record.

export interface ImageInfo {
  mimeType: 'image/jpeg' | 'image/png';
  width: number;
  height: number;
}

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function sniffImage(data: Buffer): ImageInfo | null {
  if (data.length >= 24 && data.subarray(0, 8).equals(PNG_MAGIC)) {
    return { mimeType: 'image/png', width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  }
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) {
    return { mimeType: 'image/jpeg', ...jpegSize(data) };
  }
  return null;
}

/** Walk the JPEG segments to the first SOFn frame header; 0×0 if none is found. */
function jpegSize(data: Buffer): { width: number; height: number } {
  let i = 2;
  while (i + 9 < data.length) {
    if (data[i] !== 0xff) {
      i += 1;
      continue;
    }
    const marker = data[i + 1] as number;
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0xff) {
      i += marker === 0xff ? 1 : 2;
      continue;
    }
    if (marker === 0xda || marker === 0xd9) break;
    const length = data.readUInt16BE(i + 2);
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) return { height: data.readUInt16BE(i + 5), width: data.readUInt16BE(i + 7) };
    i += 2 + length;
  }
  return { width: 0, height: 0 };
}
