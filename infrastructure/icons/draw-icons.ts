// Draws the skill's store icons: skill-package/assets/images/{smallIcon (108x108), largeIcon (512x512)}.png.
// Run once with `npx tsx infrastructure/icons/draw-icons.ts`; the PNGs are committed. No image tools
// needed: a small RGBA rasteriser (4x4 supersampling) and a PNG writer on node:zlib.
// The picture: a teal square with a white three-quarter arc and a dot at its end, a joint's range of motion.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

type Rgba = readonly [number, number, number, number];

const TEAL: Rgba = [15, 118, 110, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const SAMPLES = 4;

/** The colour at one sample point of the unit square [0,1]x[0,1]. */
function shade(x: number, y: number): Rgba {
  const cx = 0.5;
  const cy = 0.5;
  const dx = x - cx;
  const dy = y - cy;
  const r = Math.hypot(dx, dy);
  // The arc: a ring from 12 o'clock clockwise round to 9 o'clock (270 degrees).
  const ringRadius = 0.3;
  const ringHalfWidth = 0.055;
  const angle = (Math.atan2(dx, -dy) + 2 * Math.PI) % (2 * Math.PI); // 0 at 12 o'clock, clockwise
  const onArc = Math.abs(r - ringRadius) <= ringHalfWidth && angle <= 1.5 * Math.PI;
  const capAt = (a: number, radius: number): boolean =>
    Math.hypot(x - (cx + ringRadius * Math.sin(a)), y - (cy - ringRadius * Math.cos(a))) <= radius;
  // Round cap where the arc starts, a larger dot where the movement ends.
  if (onArc || capAt(0, ringHalfWidth) || capAt(1.5 * Math.PI, ringHalfWidth * 1.9)) return WHITE;
  // The pivot: a small dot at the centre, like the joint.
  if (r <= 0.06) return WHITE;
  // The background fills the square, opaque: the Alexa app crops store icons to a circle itself.
  return TEAL;
}

function render(size: number): Buffer {
  const rowBytes = size * 4 + 1;
  const raw = Buffer.alloc(rowBytes * size);
  for (let py = 0; py < size; py += 1) {
    raw[py * rowBytes] = 0; // filter: none
    for (let px = 0; px < size; px += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SAMPLES; sy += 1) {
        for (let sx = 0; sx < SAMPLES; sx += 1) {
          const colour = shade((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size);
          r += colour[0];
          g += colour[1];
          b += colour[2];
          a += colour[3];
        }
      }
      const n = SAMPLES * SAMPLES;
      const offset = py * rowBytes + 1 + px * 4;
      raw[offset] = Math.round(r / n);
      raw[offset + 1] = Math.round(g / n);
      raw[offset + 2] = Math.round(b / n);
      raw[offset + 3] = Math.round(a / n);
    }
  }
  return encodePng(size, size, raw);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

function encodePng(width: number, height: number, raw: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  header[10] = 0; // compression
  header[11] = 0; // filter
  header[12] = 0; // no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const outDir = path.join(__dirname, '..', '..', 'skill-package', 'assets', 'images');
mkdirSync(outDir, { recursive: true });
for (const [name, size] of [
  ['smallIcon.png', 108],
  ['largeIcon.png', 512],
] as const) {
  const png = render(size);
  writeFileSync(path.join(outDir, name), png);
  console.log(`wrote skill-package/assets/images/${name} (${size}x${size}, ${png.length} bytes)`);
}
