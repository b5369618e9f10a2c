import { toAsciiDigits } from "../thai-text";
import { DANGER_KINDS, type DangerKind } from "./danger-kinds";
import {
  CALLS_FOR_HELP_ALONE,
  CONTEXT_RULES,
  DANGER_PHRASES,
  DANGER_SEQUENCES,
  NEGATION_BLOCKERS,
  NEGATORS,
  NEGATORS_RIGHT_BEFORE,
  NEGATION_UNDONE_BY,
  NOT_DANGER,
  POLITE_PARTICLES,
  type DangerPhrase,
} from "./danger-lexicon";

/**
 * Finds words of danger anywhere in a message a person typed ("ช่วยด้วย", "ถูกพ่อเลี้ยงตี",
 * "อยากตาย", "he is hitting me"), so the bot can put emergency numbers in front of them whatever
 * conversation it was in. Pure and fast: it runs on every incoming message; the maintained list
 * (danger-lexicon.ts) is normalised once, when this module loads.
 *
 * How a message is read:
 *  1. Normalised (`normalizeForDanger`): NFKC (one form for Thai vowels, and full-width
 *     "ＨＥＬＰ" as "help"), Thai digits to ASCII, lower case, no zero-width characters, no
 *     spaces, no tone marks or ็ ์, runs of one letter as one letter, polite particles dropped at
 *     the end of a sentence.
 *  2. Every phrase of the list is looked for anywhere (English ones on word boundaries), and
 *     "ถูก/โดน … act" sequences within one sentence.
 *  3. A phrase is dropped where an everyday expression overlaps it (ตีหนึ่ง, ตีกอล์ฟ, ฆ่าเวลา),
 *     where a negator stands right before it (ไม่ได้ถูกตี, nobody hurt me; never for self-harm),
 *     or where the rest of the message changes its meaning (a fire last year asking for aid;
 *     "ช่วยด้วย" in a question about the old-age allowance).
 *  4. Of what is left, the most time-critical kind (see DANGER_KINDS) is reported.
 */

export interface DangerMatch {
  kind: DangerKind;
  /** The entry of the maintained list that matched, as written there ("ถูก…ตี" for a sequence). */
  phrase: string;
}

/** The most time-critical danger the message speaks of, or undefined for an ordinary message. */
export function detectDanger(text: string): DangerMatch | undefined {
  return detectDangers(text)[0];
}

/** Every danger the message speaks of, most time-critical first (for logs and tests). */
export function detectDangers(text: string): DangerMatch[] {
  const n = normalize(text, true);
  if (n.text.length === 0) return [];
  const scan = new Scan(n);
  const found = scan.run();
  found.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.start - b.start);
  const seen = new Set<string>();
  const out: DangerMatch[] = [];
  for (const { kind, phrase } of found) {
    const key = `${kind}\u0000${phrase}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ kind, phrase });
  }
  return out;
}

/**
 * The form messages and phrases are compared in: "ช่ วย ด้้วยยยค่ะ" and "ช่วยด้วย" are both
 * "ชวยดวย". Exported so tests can show what the detector sees.
 */
export function normalizeForDanger(text: string): string {
  return normalize(text, true).text;
}

// ---------------------------------------------------------------------------------------------
// Normalisation

const NONE = 0;
const SOFT = 1; // a space, a symbol, an emoji: words apart, same sentence
const CLAUSE = 2; // . ! ? , ; new line, or a particle then a space: a new sentence for negation

interface Normalized {
  readonly text: string;
  /** breaks[i]: what stood between text[i-1] and text[i]; breaks[text.length] is the end. */
  readonly breaks: Uint8Array;
  /** The tone mark typed on text[i]: 0 none, 1 ่, 2 ้, 3 ๊, 4 ๋. */
  readonly tones: Uint8Array;
}

const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;
const APOSTROPHES = /['\u2019\u02BC`]/g;
const SENTENCE_MARKS = new Set([..."\n\r.!?;,:…。！？、，"]);
const LETTER = /[\p{L}\p{N}\p{M}]/u;

const isThai = (ch: string) => ch >= "\u0E00" && ch <= "\u0E7F";
const isWordChar = (ch: string | undefined) =>
  ch !== undefined && ((ch >= "a" && ch <= "z") || (ch >= "0" && ch <= "9"));

/**
 * Why runs of a letter may be collapsed: Thai does double letters legitimately (กรรม, สัญญา,
 * นนทบุรี, and across words: คนนี้, ผมมา), and English too (kill, need). But the message and every
 * phrase are normalised the same way, and a run that collapses in one collapses in the other, so a
 * phrase is still found: "kill" is "kil" on both sides. No two entries of the list differ only by
 * a doubled letter (a unit test checks). What must not happen is two English words merging:
 * "is suicidal" must keep both s, or "suicidal" would no longer start on a word boundary; so Latin
 * letters only collapse inside a word, Thai letters also across spaces (Thai has no word spaces).
 */
function normalize(raw: string, stripParticles: boolean): Normalized {
  const s = toAsciiDigits(raw.normalize("NFKC"))
    .toLowerCase()
    .replace(INVISIBLE, "")
    .replace(APOSTROPHES, "")
    // NFKC splits ำ into ํ + า; people also type it that way, sometimes with the tone mark between.
    .replace(/\u0E4D([\u0E48-\u0E4B]*)\u0E32/g, "$1\u0E33")
    // แ typed as two เ
    .replace(/\u0E40\u0E40/g, "\u0E41");

  const chars: string[] = [];
  const breaks: number[] = [];
  const tones: number[] = [];
  // merged[i]: a repeat of chars[i] was dropped after it, so chars[i] may also be the first
  // letter of the next word ("กัน"+"นะ" is "กันะ"); stripping that next word must keep it.
  const merged: boolean[] = [];
  let pending = NONE;
  let sentenceStart = 0;

  const endSentence = () => {
    if (stripParticles) {
      for (let stripped = true; stripped; ) {
        stripped = false;
        for (const p of PARTICLES) {
          if (chars.length - sentenceStart >= p.length && endsWith(chars, p)) {
            // Every particle has two letters or more, so at least one goes each time round.
            const keep = chars.length - p.length + (merged[chars.length - p.length] ? 1 : 0);
            chars.length = breaks.length = tones.length = merged.length = keep;
            if (keep > 0) merged[keep - 1] = false;
            stripped = true;
            break;
          }
        }
      }
    }
    sentenceStart = chars.length;
  };

  for (const ch of s) {
    const code = ch.charCodeAt(0);
    if (code >= 0x0e48 && code <= 0x0e4b) {
      if (tones.length > 0) tones[tones.length - 1] = code - 0x0e47;
      continue;
    }
    if (code === 0x0e47 || (code >= 0x0e4c && code <= 0x0e4e)) continue; // ็ ์ ํ ๎
    if (SENTENCE_MARKS.has(ch)) {
      endSentence();
      pending = CLAUSE;
      continue;
    }
    if (code === 0x0e46 || code === 0x0e2f || ch.length > 1 || !LETTER.test(ch)) {
      // ๆ ฯ, spaces, symbols, emoji and anything else beyond one UTF-16 unit (no danger word
      // is made of those, and text indices must stay one per letter)
      if (pending === NONE) pending = SOFT;
      continue;
    }
    const last = chars[chars.length - 1];
    if (ch === last && (pending === NONE || (pending === SOFT && isThai(ch)))) {
      merged[merged.length - 1] = true;
      pending = NONE;
      continue;
    }
    chars.push(ch);
    breaks.push(pending);
    tones.push(0);
    merged.push(false);
    pending = NONE;
  }
  endSentence();

  const text = chars.join("");
  const b = new Uint8Array(text.length + 1);
  b.set(breaks);
  b[text.length] = CLAUSE;
  if (stripParticles) {
    // A particle followed by a space ends a clause: "หนีไม่ได้ค่ะ โดนผัวทำร้าย".
    for (let k = 1; k < text.length; k++) {
      if (b[k] === SOFT && PARTICLES.some(p => k >= p.length && text.startsWith(p, k - p.length))) {
        b[k] = CLAUSE;
      }
    }
  }
  return { text, breaks: b, tones: Uint8Array.from(tones) };
}

function endsWith(chars: readonly string[], suffix: string): boolean {
  const offset = chars.length - suffix.length;
  for (let i = 0; i < suffix.length; i++) if (chars[offset + i] !== suffix[i]) return false;
  return true;
}

// Particles first, since `normalize` strips them; longest first so "ครับ" goes before "คับ".
const PARTICLES: readonly string[] = [
  ...new Set(POLITE_PARTICLES.map(p => normalize(p, false).text).filter(Boolean)),
].sort((a, b) => b.length - a.length);

// ---------------------------------------------------------------------------------------------
// The maintained list, compiled once

interface Part {
  readonly text: string;
  readonly latin: boolean;
  /** Tone marks to check: as written ("exact") or at least not contradicted ("compatible"). */
  readonly tones?: Uint8Array;
  readonly toneMode?: "exact" | "compatible";
}

interface Then {
  readonly part: Part;
  readonly kind: DangerKind;
  readonly label: string;
}

interface Rule {
  readonly first: Part;
  /** A plain phrase: its kind and label. */
  readonly kind?: DangerKind;
  readonly label?: string;
  /** A sequence: what may follow, within maxGap letters of the same sentence. */
  readonly thens?: readonly Then[];
  readonly maxGap: number;
}

function compile(phrase: DangerPhrase, options: { tones?: "compatible" } = {}): Part {
  const text = typeof phrase === "string" ? phrase : phrase.text;
  const n = normalize(text, false);
  const latin = /[a-z]/.test(n.text);
  if (typeof phrase !== "string") return { text: n.text, latin, tones: n.tones, toneMode: "exact" };
  return options.tones
    ? { text: n.text, latin, tones: n.tones, toneMode: options.tones }
    : { text: n.text, latin };
}

const labelOf = (phrase: DangerPhrase) => (typeof phrase === "string" ? phrase : phrase.text);

const RULES_BY_FIRST_CHAR = new Map<string, Rule[]>();
function addRule(rule: Rule) {
  const key = rule.first.text[0]!;
  const list = RULES_BY_FIRST_CHAR.get(key) ?? [];
  list.push(rule);
  RULES_BY_FIRST_CHAR.set(key, list);
}
for (const kind of DANGER_KINDS) {
  for (const phrase of DANGER_PHRASES[kind]) {
    addRule({ first: compile(phrase), kind, label: labelOf(phrase), maxGap: 0 });
  }
}
for (const seq of DANGER_SEQUENCES) {
  for (const first of seq.first) {
    const thens: Then[] = [];
    for (const kind of DANGER_KINDS) {
      for (const then of seq.then[kind] ?? []) {
        thens.push({ part: compile(then), kind, label: `${first}…${then}` });
      }
    }
    addRule({ first: compile(first), thens, maxGap: seq.maxGap ?? 12 });
  }
}

const ALONE = CALLS_FOR_HELP_ALONE.map(p => ({ part: compile(p), label: p }));
const IDIOMS = NOT_DANGER.map(p => compile(p));
const BLOCKERS = NEGATION_BLOCKERS.map(p => compile(p));
const RIGHT_BEFORE = new Set(NEGATORS_RIGHT_BEFORE);
// A negator's tone marks may be missing but not contradicted: "ไม้" (a stick) is not "ไม่" (not).
const NEGATOR_PARTS = NEGATORS.map(neg => ({
  part: compile(neg, { tones: "compatible" }),
  undoneBy: NEGATION_UNDONE_BY.filter(rule => rule.negators.includes(neg)).flatMap(rule =>
    rule.after.map(p => compile(p)),
  ),
  maxGap: RIGHT_BEFORE.has(neg) ? 0 : /[a-z]/i.test(neg) ? 12 : 4,
}));
const CONTEXTS = CONTEXT_RULES.map(rule => ({
  silences: new Set(rule.silences),
  markers: rule.markers.map(p => compile(p)),
  unless: (rule.unless ?? []).map(p => compile(p)),
}));
const KIND_ORDER = Object.fromEntries(DANGER_KINDS.map((kind, i) => [kind, i])) as Record<
  DangerKind,
  number
>;

// ---------------------------------------------------------------------------------------------
// Matching one message

interface Found {
  kind: DangerKind;
  phrase: string;
  start: number;
}

class Scan {
  private idiomSpans?: [number, number][];
  private blockerSpans?: [number, number][];
  private readonly contextCache = new Map<number, boolean>();

  constructor(private readonly n: Normalized) {}

  run(): Found[] {
    const { text, breaks } = this.n;
    const found: Found[] = [];
    for (let i = 0; i < text.length; i++) {
      const rules = RULES_BY_FIRST_CHAR.get(text[i]!);
      if (!rules) continue;
      for (const rule of rules) {
        if (!this.at(rule.first, i)) continue;
        const end = i + rule.first.text.length;
        if (rule.thens === undefined) {
          this.consider(found, rule.kind!, rule.label!, i, [[i, end]]);
          continue;
        }
        // From end - 1: "ถูก"+"กระทืบ" is "ถูกระทืบ", the two share their ก.
        for (let j = end - 1; j <= end + rule.maxGap && j < text.length; j++) {
          if (j >= end && breaks[j] === CLAUSE) break;
          for (const then of rule.thens) {
            if (this.at(then.part, j)) {
              const spans: [number, number][] = [
                [i, end],
                [j, j + then.part.text.length],
              ];
              this.consider(found, then.kind, then.label, i, spans);
            }
          }
        }
      }
    }
    for (const { part, label } of ALONE) {
      for (const [s, e] of this.spans([part])) {
        if ((s === 0 || breaks[s] === CLAUSE) && this.sentenceEndsAt(e)) {
          this.consider(found, "call_for_help", label, s, [[s, e]]);
        }
      }
    }
    return found;
  }

  /** Nothing but polite particles between e and the end of the sentence. */
  private sentenceEndsAt(e: number): boolean {
    const { text, breaks } = this.n;
    for (let k = e, more = 3; more > 0; more--) {
      if (breaks[k] === CLAUSE) return true;
      // A particle may share its first letter with the word before it ("ด่วนนะ" is "ดวนะ").
      const at = PARTICLES.find(p => text.startsWith(p, k));
      const shared = at ? undefined : PARTICLES.find(p => text.startsWith(p, k - 1));
      if (at === undefined && shared === undefined) return false;
      k += at ? at.length : shared!.length - 1;
    }
    return false;
  }

  private consider(
    found: Found[],
    kind: DangerKind,
    phrase: string,
    start: number,
    spans: [number, number][],
  ) {
    if (spans.some(([s, e]) => this.hiddenByIdiom(s, e))) return;
    if (kind !== "self_harm" && this.negated(start, spans[spans.length - 1]![1])) return;
    if (this.silencedByContext(kind, phrase)) return;
    found.push({ kind, phrase, start });
  }

  /** Whether `part` is at position i (on word boundaries if English; with its tones if exact). */
  private at(part: Part, i: number): boolean {
    const { text, tones } = this.n;
    if (!text.startsWith(part.text, i)) return false;
    const end = i + part.text.length;
    if (part.latin && !(this.boundary(i) && this.boundary(end))) return false;
    if (part.tones) {
      for (let k = 0; k < part.tones.length; k++) {
        const typed = tones[i + k]!;
        const ok =
          part.toneMode === "exact"
            ? part.tones[k] === 0 || typed === part.tones[k]
            : typed === 0 || typed === part.tones[k];
        if (!ok) return false;
      }
    }
    return true;
  }

  private boundary(i: number): boolean {
    const { text, breaks } = this.n;
    return breaks[i] !== NONE || !isWordChar(text[i - 1]) || !isWordChar(text[i]);
  }

  private spans(parts: readonly Part[]): [number, number][] {
    const { text } = this.n;
    const spans: [number, number][] = [];
    for (const part of parts) {
      for (let i = text.indexOf(part.text); i >= 0; i = text.indexOf(part.text, i + 1)) {
        if (this.at(part, i)) spans.push([i, i + part.text.length]);
      }
    }
    return spans;
  }

  /** An everyday expression overlaps [s, e) and reaches beyond it. */
  private hiddenByIdiom(s: number, e: number): boolean {
    this.idiomSpans ??= this.spans(IDIOMS);
    return this.idiomSpans.some(([a, b]) => a < e && b > s && (a < s || b > e));
  }

  private negated(start: number, end: number): boolean {
    const { text, breaks } = this.n;
    for (const { part, maxGap, undoneBy } of NEGATOR_PARTS) {
      const len = part.text.length;
      let softBreaks = 0;
      // p is where the negator ends. A Thai one may end on the letter the phrase begins with:
      // "ไม่มีปืน" is "ไมีปืน", the two ม having become one.
      for (let p = part.latin ? start : start + 1; p >= start - maxGap && p - len >= 0; p--) {
        if (p <= start) {
          if (breaks[p] === CLAUSE) break;
          if (breaks[p] === SOFT) softBreaks++;
        }
        if (!this.at(part, p - len)) continue;
        if (part.latin) {
          if (!this.boundary(p - len) || !this.boundary(p) || softBreaks > 2) continue;
        } else if (maxGap === 0 && p === start && breaks[p] !== NONE) {
          continue;
        }
        if (this.blocked(p - len, p)) continue;
        if (undoneBy.length > 0 && this.laterInSentence(undoneBy, end)) continue;
        return true;
      }
    }
    return false;
  }

  /** One of `parts` between `end` and the end of its sentence. */
  private laterInSentence(parts: readonly Part[], end: number): boolean {
    let clauseEnd = end;
    while (this.n.breaks[clauseEnd] !== CLAUSE) clauseEnd++;
    return this.spans(parts).some(([s]) => s >= end && s < clauseEnd);
  }

  private blocked(q: number, p: number): boolean {
    this.blockerSpans ??= this.spans(BLOCKERS);
    return this.blockerSpans.some(([a, b]) => a <= q && b >= p);
  }

  private silencedByContext(kind: DangerKind, phrase: string): boolean {
    return CONTEXTS.some((rule, index) => {
      if (!rule.silences.has(kind) && !rule.silences.has(phrase)) return false;
      let applies = this.contextCache.get(index);
      if (applies === undefined) {
        applies = this.spans(rule.markers).length > 0 && this.spans(rule.unless).length === 0;
        this.contextCache.set(index, applies);
      }
      return applies;
    });
  }
}
