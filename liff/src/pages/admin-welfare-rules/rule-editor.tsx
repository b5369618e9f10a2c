import { formatDate } from "@sa/core";
import { useState } from "preact/hooks";
import { ApiError } from "../../api/api-error";
import {
  checkRule,
  previewRule,
  ruleCheckSchema,
  saveDraft,
  type RuleCheck,
  type RuleJson,
  type RulePreview,
  type StoredVersion,
} from "../../api/welfare-rule-endpoints";
import { TextField } from "../../components/field/text-field";
import { useLiff } from "../../liff/liff-context";
import { issueText, type AdminText } from "./admin-text";
import { CriterionRow, type CriterionJson } from "./criterion-row";
import { ExampleRow } from "./example-row";
import { AMOUNT_KEYS, listOf, parseNumber } from "./rule-json";

/** The check that came with a refusal (400: problems, 422: failing examples), if any. */
export function checkOf(error: unknown): RuleCheck | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const parsed = ruleCheckSchema.safeParse(error.body.check);
  return parsed.success ? parsed.data : undefined;
}

/** How an answer reads in a list: "ได้รับสิทธิ์ เดือนละ 700 บาท". */
export function answerText(
  answer: { status: string; monthlyAmount?: number | undefined },
  { ta }: AdminText,
): string {
  const status = ta(`answer.${answer.status as "eligible"}`);
  return answer.monthlyAmount === undefined
    ? status
    : `${status} ${ta("monthly", { amount: answer.monthlyAmount.toLocaleString("en-US") })}`;
}

/** Its problems and each example's result, in the admin's language. */
export function CheckResult({ check, text }: { check: RuleCheck; text: AdminText }) {
  const { ta } = text;
  const failing = check.examples.filter(example => !example.passed).length;
  const count = check.issues.length + failing;
  return (
    <div class="card" aria-label={ta("check")}>
      <p role="status" class={`notice ${check.publishable ? "success" : "error"}`}>
        {check.publishable ? ta("checkOk") : ta("checkProblems", { count: Math.max(count, 1) })}
      </p>
      <ul class="rule-issues">
        {check.issues.map((issue, i) => (
          <li key={`issue-${i}`}>{issueText(issue, ta)}</li>
        ))}
        {check.examples.map((example, i) => (
          <li key={`example-${i}`} class={example.passed ? "" : "error"}>
            {example.passed
              ? ta("examplePassed", { name: example.name })
              : ta("exampleFailed", {
                  name: example.name,
                  expected: answerText(example.expected, text),
                  got: answerText(example.got, text),
                })}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * A rule version as a form: effective date, source, criteria, amounts and examples, with the
 * whole JSON one tap away. Nothing is decided here: the server checks, previews and stores.
 */
export function RuleEditor({
  initial,
  id,
  text,
  onSaved,
  onClose,
}: {
  initial: RuleJson;
  id?: string | undefined;
  text: AdminText;
  onSaved: (version: StoredVersion) => void;
  onClose: () => void;
}) {
  const { ta, name } = text;
  const { api } = useLiff();
  const [rule, setRule] = useState<RuleJson>(initial);
  // Bumped when the JSON view replaces the whole version, so the rows start afresh.
  const [generation, setGeneration] = useState(0);
  const [jsonText, setJsonText] = useState<string>();
  const [check, setCheck] = useState<RuleCheck>();
  const [preview, setPreview] = useState<RulePreview>();
  const [message, setMessage] = useState<{ text: string; failed: boolean }>();
  const [busy, setBusy] = useState(false);

  const set = (change: RuleJson) => setRule(current => ({ ...current, ...change }));
  const criteria = listOf(rule, "criteria") as CriterionJson[];
  const examples = listOf(rule, "examples");
  const source = (rule.source ?? {}) as Record<string, unknown>;
  const bands = listOf(rule, "ageBands");

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setMessage(undefined);
    try {
      await work();
    } catch (error) {
      const refused = checkOf(error);
      if (refused) setCheck(refused);
      else setMessage({ text: ta("failed"), failed: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="rule-editor-title">
      <h2 id="rule-editor-title">
        {ta("editorTitle", { benefit: name(`benefit.${String(rule.benefit)}`) })}
      </h2>
      <TextField
        id="rule-effective"
        label={ta("effective")}
        placeholder="2027-10-01"
        value={String(rule.effective ?? "")}
        onInput={effective => set({ effective })}
      />
      <TextField
        id="rule-source-title"
        label={ta("sourceTitle")}
        multiline
        value={String(source.title ?? "")}
        onInput={title => set({ source: { ...source, title } })}
      />
      <TextField
        id="rule-source-url"
        label={ta("sourceUrl")}
        value={String(source.url ?? "")}
        onInput={url => set({ source: { ...source, url } })}
      />

      <h3>{ta("criteria")}</h3>
      {criteria.map((criterion, index) => (
        <CriterionRow
          key={`${generation}-c${index}`}
          index={index}
          criterion={criterion}
          text={text}
          onChange={next => set({ criteria: criteria.map((c, i) => (i === index ? next : c)) })}
          onRemove={() => set({ criteria: criteria.filter((_, i) => i !== index) })}
        />
      ))}
      <button
        type="button"
        class="button secondary"
        onClick={() =>
          set({
            criteria: [
              ...criteria,
              {
                field: "annualIncomePerPerson",
                test: "atMost",
                value: 0,
                fail: { th: "", en: "" },
              },
            ],
          })
        }
      >
        {ta("addCriterion")}
      </button>

      <h3>{ta("amounts")}</h3>
      {AMOUNT_KEYS.filter(key => key in rule).map(key => (
        <TextField
          key={`${generation}-${key}`}
          id={`rule-${key}`}
          label={ta(`amount.${key}`)}
          inputMode="numeric"
          value={String(rule[key] ?? "")}
          onInput={value => set({ [key]: parseNumber(value) })}
        />
      ))}
      {bands.map((band, index) => {
        const setBand = (change: Record<string, unknown>) =>
          set({ ageBands: bands.map((b, i) => (i === index ? { ...b, ...change } : b)) });
        return (
          <div key={`${generation}-b${index}`}>
            <TextField
              id={`band-${index}-from`}
              label={ta("amount.fromAge", { index: index + 1 })}
              inputMode="numeric"
              value={String(band.fromAge ?? "")}
              onInput={value => setBand({ fromAge: parseNumber(value) })}
            />
            <TextField
              id={`band-${index}-amount`}
              label={ta("amount.bandAmount", { index: index + 1 })}
              inputMode="numeric"
              value={String(band.monthlyAmount ?? "")}
              onInput={value => setBand({ monthlyAmount: parseNumber(value) })}
            />
          </div>
        );
      })}

      <h3>{ta("examples")}</h3>
      <p class="hint">{ta("examplesHint")}</p>
      {examples.map((example, index) => (
        <ExampleRow
          key={`${generation}-e${index}`}
          index={index}
          example={example}
          text={text}
          onChange={next => set({ examples: examples.map((e, i) => (i === index ? next : e)) })}
          onRemove={() => set({ examples: examples.filter((_, i) => i !== index) })}
        />
      ))}
      <button
        type="button"
        class="button secondary"
        onClick={() =>
          set({
            examples: [...examples, { name: "", profile: {}, expect: { status: "eligible" } }],
          })
        }
      >
        {ta("addExample")}
      </button>

      <details
        onToggle={e => {
          if ((e.currentTarget as HTMLDetailsElement).open)
            setJsonText(JSON.stringify(rule, null, 2));
        }}
      >
        <summary>{ta("json")}</summary>
        <TextField
          id="rule-json"
          label={ta("json")}
          multiline
          value={jsonText ?? ""}
          onInput={setJsonText}
        />
        <button
          type="button"
          class="button secondary"
          onClick={() => {
            try {
              setRule(JSON.parse(jsonText ?? "") as RuleJson);
              setGeneration(n => n + 1);
              setMessage(undefined);
            } catch {
              setMessage({ text: ta("jsonInvalid"), failed: true });
            }
          }}
        >
          {ta("applyJson")}
        </button>
      </details>

      <p
        role="status"
        class={message ? `notice ${message.failed ? "error" : "success"}` : "visually-hidden"}
      >
        {message?.text}
      </p>
      {check && <CheckResult check={check} text={text} />}
      {preview && (
        <table class="rule-preview">
          <caption>
            {ta("preview")} · {formatDate(preview.asOf, text.language)}
          </caption>
          <thead>
            <tr>
              <th scope="col">{ta("exampleName")}</th>
              <th scope="col">{ta("previewCurrent")}</th>
              <th scope="col">{ta("previewDraft")}</th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row, i) => (
              <tr key={i}>
                <th scope="row">{String(examples[i]?.name ?? i + 1)}</th>
                <td>{row.current ? answerText(row.current, text) : "–"}</td>
                <td>{row.draft ? answerText(row.draft, text) : "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div class="actions">
        <button
          type="button"
          class="button secondary"
          disabled={busy}
          onClick={() => void run(async () => setCheck(await checkRule(api, rule)))}
        >
          {ta("check")}
        </button>
        <button
          type="button"
          class="button secondary"
          disabled={busy || examples.length === 0}
          onClick={() =>
            void run(async () =>
              setPreview(
                await previewRule(
                  api,
                  rule,
                  examples.slice(0, 5).map(example => example.profile),
                ),
              ),
            )
          }
        >
          {ta("preview")}
        </button>
        <button
          type="button"
          class="button primary"
          disabled={busy}
          onClick={() =>
            void run(async () => {
              const saved = await saveDraft(api, rule, id);
              setCheck(await checkRule(api, rule));
              setMessage({ text: ta("saved"), failed: false });
              onSaved(saved);
            })
          }
        >
          {ta("save")}
        </button>
        <button type="button" class="button secondary" onClick={onClose}>
          {ta("close")}
        </button>
      </div>
    </section>
  );
}
