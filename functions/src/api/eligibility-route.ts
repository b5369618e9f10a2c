import * as z from "zod/mini";
import {
  assessEligibility,
  bangkokDate,
  eligibilityRequestSchema,
  translator,
  welfareRules,
  type Language,
} from "@sa/core";
import type { Request, Response } from "express";
import type { Firestore } from "firebase-admin/firestore";
import { rulesInUse } from "../welfare-rules/rule-set";
import { invalidBody } from "./http-error";

/** Unknown fields are refused rather than ignored: "hasDisabiltyCard" must not pass silently. */
const requestSchema = z.strictObject(eligibilityRequestSchema.shape);

/** `Accept-Language: en…` gets English; anything else, or nothing, gets Thai. */
export function requestLanguage(req: Request): Language {
  const header = req.headers["accept-language"] ?? "";
  const first = header.split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en" : "th";
}

/** POST /eligibility: a profile in, the assessment of every benefit out. No login needed. */
export function eligibilityRoute(now: () => Date, deps: () => Promise<{ db: Firestore }>) {
  return async (req: Request, res: Response) => {
    const parsed = requestSchema.safeParse(req.body ?? {});
    if (!parsed.success) throw invalidBody(parsed.error.issues, "Invalid eligibility request");
    const language = requestLanguage(req);
    const asOf = parsed.data.asOf ?? bangkokDate(now());
    // The version in force on the check date, published ones included: no restart needed.
    const rules = await deps().then(
      ({ db }) => rulesInUse(db),
      () => welfareRules,
    );
    const result = assessEligibility(parsed.data, {
      asOf,
      t: translator(language, "welfare"),
      rules,
    });
    res.setHeader("Content-Language", language);
    res.json(result);
  };
}
