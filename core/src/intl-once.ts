/**
 * Building an Intl formatter or collator costs far more than using one. On a cheap phone a list
 * of a hundred rows that built one per row (`new Intl.RelativeTimeFormat`, or `localeCompare`
 * with a locale, which builds a collator on every call) spent a quarter of a second on it. Each
 * is built on first use for its key (a locale) and kept.
 */
export function builtOnce<T>(build: (locale: string) => T): (locale: string) => T {
  const built = new Map<string, T>();
  return locale => {
    let made = built.get(locale);
    if (made === undefined) {
      made = build(locale);
      built.set(locale, made);
    }
    return made;
  };
}

/** Sorts names as people of that language expect (Thai order for Thai names). */
export const compareNames = builtOnce(locale => new Intl.Collator(locale).compare);

/**
 * ISO 8601 timestamps (or dates) in time order. They sort as plain strings: a collator would
 * give the same order, slower.
 */
export function compareIso(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
