import { builtOnce, type Language } from "@sa/core";

type Unit = "day" | "hour" | "minute";

const unitFormats = builtOnce(locale =>
  builtOnce(
    name => new Intl.NumberFormat(locale, { style: "unit", unit: name, unitDisplay: "long" }),
  ),
);
const unit = (value: number, name: Unit, language: Language) =>
  unitFormats(language)(name).format(value);

/** "25 นาที", "2 ชั่วโมง 5 นาที", "3 วัน 4 ชั่วโมง": a median wait in words, two units at most. */
export function formatMinutes(minutes: number, language: Language): string {
  const total = Math.max(1, Math.round(minutes));
  if (total < 60) return unit(total, "minute", language);
  const parts: [number, Unit][] =
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
