/**
 * What a file really is, read from its first bytes ("magic numbers") rather than from the
 * content type the platform reports: a text file or a script sent as an "image" is refused.
 * A tiny table of the formats LINE delivers (its apps send JPEG photos, M4A voice notes and MP4
 * videos); a dependency such as `file-type` would add hundreds of formats we never accept.
 */
export type MediaKind = "image" | "audio" | "video";

interface Signature {
  kind: MediaKind;
  contentType: string;
  matches: (bytes: Buffer) => boolean;
}

const ascii = (bytes: Buffer, at: number, text: string) =>
  bytes.length >= at + text.length && bytes.toString("latin1", at, at + text.length) === text;
const startsWith = (bytes: Buffer, prefix: number[]) =>
  bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);
/** ISO base media (MP4, M4A, 3GP, MOV): a box of type "ftyp" first, its brand after. */
const isoBrand = (bytes: Buffer) =>
  ascii(bytes, 4, "ftyp") ? bytes.toString("latin1", 8, 12) : "";
const AUDIO_BRANDS = new Set(["M4A ", "M4B ", "mp42", "isom", "3gp4", "3gp5", "3gp6"]);

const SIGNATURES: Signature[] = [
  { kind: "image", contentType: "image/jpeg", matches: b => startsWith(b, [0xff, 0xd8, 0xff]) },
  {
    kind: "image",
    contentType: "image/png",
    matches: b => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  },
  {
    kind: "image",
    contentType: "image/gif",
    matches: b => ascii(b, 0, "GIF87a") || ascii(b, 0, "GIF89a"),
  },
  {
    kind: "image",
    contentType: "image/webp",
    matches: b => ascii(b, 0, "RIFF") && ascii(b, 8, "WEBP"),
  },
  // A voice note: M4A (LINE's own), or AAC/MP3/Ogg/AMR from other recorders.
  { kind: "audio", contentType: "audio/mp4", matches: b => AUDIO_BRANDS.has(isoBrand(b)) },
  {
    kind: "audio",
    contentType: "audio/aac",
    matches: b => startsWith(b, [0xff, 0xf1]) || startsWith(b, [0xff, 0xf9]),
  },
  {
    kind: "audio",
    contentType: "audio/mpeg",
    matches: b => ascii(b, 0, "ID3") || startsWith(b, [0xff, 0xfb]),
  },
  { kind: "audio", contentType: "audio/ogg", matches: b => ascii(b, 0, "OggS") },
  { kind: "audio", contentType: "audio/amr", matches: b => ascii(b, 0, "#!AMR") },
  // Any ISO base media file plays as video (MP4, MOV, 3GP); WebM too.
  { kind: "video", contentType: "video/mp4", matches: b => isoBrand(b) !== "" },
  {
    kind: "video",
    contentType: "video/webm",
    matches: b => startsWith(b, [0x1a, 0x45, 0xdf, 0xa3]),
  },
];

/**
 * The content type of `bytes` if they are a file of the `kind` wanted, else undefined. An MP4
 * container answers for audio and video alike: which it is comes from the LINE message type.
 */
export function sniffMedia(bytes: Buffer, kind: MediaKind): string | undefined {
  return SIGNATURES.find(signature => signature.kind === kind && signature.matches(bytes))
    ?.contentType;
}
