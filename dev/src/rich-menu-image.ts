import { PNG } from "pngjs";

const COLUMN_COLOURS: [number, number, number][] = [
  [0x06, 0xc7, 0x55], // report: LINE green
  [0x19, 0x76, 0xd2], // welfare
  [0xf5, 0x7c, 0x00], // track
  [0xc6, 0x28, 0x28], // call 1300
];

/**
 * A plain 2500×843 PNG with one colour per menu column, for the local stand-in (which checks
 * the size like LINE does). The simulator page writes the action labels over it; a production
 * channel uploads a designed image instead (see README).
 */
export function placeholderRichMenuImage(width = 2500, height = 843): Buffer {
  const png = new PNG({ width, height });
  const columnWidth = width / COLUMN_COLOURS.length;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b] =
        COLUMN_COLOURS[Math.min(COLUMN_COLOURS.length - 1, Math.floor(x / columnWidth))]!;
      const i = (y * width + x) * 4;
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = b;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}
