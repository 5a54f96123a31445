/** A picture Word can show inline, with its size in pixels. */
export interface Picture {
  readonly type: 'png' | 'jpg' | 'gif' | 'bmp';
  readonly width: number;
  readonly height: number;
}

function startsWith(bytes: Uint8Array, ...signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/** The format and size of a PNG, JPEG, GIF or BMP file, read from its header; undefined for anything else. */
export function readPicture(bytes: Uint8Array): Picture | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length >= 24 && startsWith(bytes, 0x89, 0x50, 0x4e, 0x47)) return { type: 'png', width: view.getUint32(16), height: view.getUint32(20) };
  if (bytes.length >= 10 && startsWith(bytes, 0x47, 0x49, 0x46)) return { type: 'gif', width: view.getUint16(6, true), height: view.getUint16(8, true) };
  if (bytes.length >= 26 && startsWith(bytes, 0x42, 0x4d)) return { type: 'bmp', width: view.getInt32(18, true), height: Math.abs(view.getInt32(22, true)) };
  if (!startsWith(bytes, 0xff, 0xd8)) return undefined;
  // JPEG: the size is in the first start-of-frame segment (SOF0–SOF15 but DHT, JPG and DAC).
  for (let at = 2; at + 9 < bytes.length; at += 2 + view.getUint16(at + 2)) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1]!;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { type: 'jpg', width: view.getUint16(at + 7), height: view.getUint16(at + 5) };
    }
  }
  return undefined;
}
