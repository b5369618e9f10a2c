import type { Language } from "@sa/core";

const unit = (value: number, name: "day" | "hour" | "minute", language: Language) =>
  new Intl.NumberFormat(language, { style: "unit", unit: name, unitDisplay: "long" }).format(value);

/** "25 นาที", "2 ชั่วโมง 5 นาที", "3 วัน 4 ชั่วโมง": a median wait in words, two units at most. */
export function formatMinutes(minutes: number, language: Language): string {
  const total = Math.max(1, Math.round(minutes));
  if (total < 60) return unit(total, "minute", language);
  const parts: [number, "day" | "hour" | "minute"][] =
    total < 24 * 60
      ? [
          [Math.floor(total / 60), "hour"],
          [total % 60, "minute"],
        ]
      : [
          [Math.floor(total / (24 * 60)), "day"],
          [Math.floor((total % (24 * 60)) / 60), "hour"],
        ];
  return parts
    .filter(([value]) => value > 0)
    .map(([value, name]) => unit(value, name, language))
    .join(" ");
}
