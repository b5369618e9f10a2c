import { describe, expect, it } from "vitest";
import { sniffMedia } from "../../../functions/src/photos/media-signature";

const bytes = (...parts: (number[] | string)[]) =>
  Buffer.concat(
    parts.map(part => (typeof part === "string" ? Buffer.from(part, "latin1") : Buffer.from(part))),
  );
const iso = (brand: string) => bytes([0, 0, 0, 0x20], "ftyp", brand, [0, 0, 0, 0]);

describe("what a file really is, from its first bytes", () => {
  it.each([
    ["a JPEG photo", bytes([0xff, 0xd8, 0xff, 0xe0]), "image", "image/jpeg"],
    ["a PNG", bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), "image", "image/png"],
    ["a WebP", bytes("RIFF", [1, 2, 3, 4], "WEBPVP8 "), "image", "image/webp"],
    ["LINE's M4A voice note", iso("M4A "), "audio", "audio/mp4"],
    ["an MP4 video", iso("isom"), "video", "video/mp4"],
  ] as const)("should accept %s", (_, content, kind, type) => {
    expect(sniffMedia(content, kind)).toBe(type);
  });

  it.each([
    ["a text file sent as an image", bytes("hello, this is not a photo\n"), "image"],
    ["an HTML page sent as an image", bytes("<html><script>alert(1)</script>"), "image"],
    ["a video sent as an image", iso("isom"), "image"],
    ["a PDF sent as a voice note", bytes("%PDF-1.7"), "audio"],
    ["nothing at all", bytes(), "video"],
  ] as const)("should refuse %s", (_, content, kind) => {
    expect(sniffMedia(content, kind)).toBeUndefined();
  });
});
