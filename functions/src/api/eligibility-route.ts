import {
  assessEligibility,
  bangkokDate,
  eligibilityRequestSchema,
  translator,
  type Language,
} from "@sa/core";
import type { Request, Response } from "express";

/** Unknown fields are refused rather than ignored: "hasDisabiltyCard" must not pass silently. */
const requestSchema = eligibilityRequestSchema.strict();

/** `Accept-Language: en…` gets English; anything else, or nothing, gets Thai. */
export function requestLanguage(req: Request): Language {
  const header = req.headers["accept-language"] ?? "";
  const first = header.split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en" : "th";
}

/** POST /eligibility: a profile in, the assessment of every benefit out. No login needed. */
export function eligibilityRoute(now: () => Date) {
  return (req: Request, res: Response) => {
    const parsed = requestSchema.safeParse(req.body ?? {});
    if (!parsed.success) {
      res.status(400).json({
        message: "Invalid eligibility request",
        errors: parsed.error.issues.map(issue => ({
          field: issueField(
            issue.path,
            issue.code === "unrecognized_keys" ? issue.keys : undefined,
          ),
          message: issue.message,
        })),
      });
      return;
    }
    const language = requestLanguage(req);
    const asOf = parsed.data.asOf ?? bangkokDate(now());
    const result = assessEligibility(parsed.data, { asOf, t: translator(language, "welfare") });
    res.setHeader("Content-Language", language);
    res.json(result);
  };
}

/** "children[0].birthDate", the way a caller would name the field in their own code. */
function issueField(path: PropertyKey[], unknownKeys?: string[]): string {
  const base = path.reduce<string>(
    (name, part) =>
      typeof part === "number"
        ? `${name}[${part}]`
        : name
          ? `${name}.${String(part)}`
          : String(part),
    "",
  );
  if (unknownKeys) return unknownKeys.map(key => (base ? `${base}.${key}` : key)).join(", ");
  return base || "(body)";
}
