import { createRequire } from "node:module";
import { createCanvas, GlobalFonts, type SKRSContext2D } from "@napi-rs/canvas";
import type { messagingApi } from "@line/bot-sdk";

const require = createRequire(import.meta.url);
const FONT = "Sarabun";
// Sarabun (Thai government's own typeface family) from npm: the Thai and Latin subsets.
for (const subset of ["thai", "latin"]) {
  GlobalFonts.registerFromPath(
    require.resolve(`@fontsource/sarabun/files/sarabun-${subset}-700-normal.woff2`),
    FONT,
  );
}

/** One colour per area, in order: report, welfare, track, call 1300. */
const AREA_COLOURS = ["#06c755", "#1976d2", "#f57c00", "#c62828"];

/**
 * The rich menu's picture, drawn from the menu itself: each area in its colour with its
 * action's label (from the i18n catalog) centred in it, so the picture always says what the
 * tap does, in the menu's language, and changes when the catalog does.
 */
export function renderRichMenuImage(menu: messagingApi.RichMenuRequest): Buffer {
  const { width = 2500, height = 843 } = menu.size ?? {};
  const canvas = createCanvas(width, height);
  const g = canvas.getContext("2d");
  (menu.areas ?? []).forEach((area, i) => {
    const { x = 0, y = 0, width: w = 0, height: h = 0 } = area.bounds ?? {};
    g.fillStyle = AREA_COLOURS[i % AREA_COLOURS.length]!;
    g.fillRect(x, y, w, h);
    g.strokeStyle = "#ffffff";
    g.lineWidth = 6;
    g.strokeRect(x, y, w, h);
    drawLabel(g, area.action?.label ?? "", x + w / 2, y + h / 2, w * 0.85);
  });
  return canvas.toBuffer("image/png");
}

/** White bold text, on up to two lines, shrunk until it fits the area's width. */
function drawLabel(g: SKRSContext2D, label: string, cx: number, cy: number, maxWidth: number) {
  const words = label.split(/\s+/).filter(Boolean);
  let size = 120;
  let lines = [label];
  for (; size > 40; size -= 6) {
    g.font = `bold ${size}px ${FONT}`;
    lines = wrap(g, words, maxWidth);
    if (lines.length <= 2 && lines.every(line => g.measureText(line).width <= maxWidth)) break;
  }
  g.fillStyle = "#ffffff";
  g.textAlign = "center";
  g.textBaseline = "middle";
  const lineHeight = size * 1.3;
  lines.forEach((line, i) => {
    g.fillText(line, cx, cy + (i - (lines.length - 1) / 2) * lineHeight);
  });
}

function wrap(g: SKRSContext2D, words: string[], maxWidth: number): string[] {
  const lines: string[] = [];
  for (const word of words) {
    const last = lines.at(-1);
    if (last !== undefined && g.measureText(`${last} ${word}`).width <= maxWidth) {
      lines[lines.length - 1] = `${last} ${word}`;
    } else lines.push(word);
  }
  return lines.length > 0 ? lines : [""];
}
