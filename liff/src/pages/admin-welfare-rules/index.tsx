import { BENEFIT_IDS, formatDate } from "@sa/core";
import { useState } from "preact/hooks";
import { ApiError } from "../../api/api-error";
import { useMe } from "../../api/use-me";
import { useResource } from "../../api/use-resource";
import {
  advanceVersion,
  getRulesOverview,
  type RuleCheck,
  type RuleJson,
  type StoredVersion,
} from "../../api/welfare-rule-endpoints";
import { SelectField } from "../../components/field/select-field";
import { Loading } from "../../components/loading";
import { StaffNav } from "../../components/staff-nav";
import { ProblemScreen } from "../../components/status-screen";
import { TitleRow } from "../../components/title-row";
import { useLanguage } from "../../i18n/language-context";
import { useLiff } from "../../liff/liff-context";
import { useAdminText } from "./admin-text";
import { draftFrom } from "./rule-json";
import { CheckResult, checkOf, RuleEditor } from "./rule-editor";

interface Editing {
  rule: RuleJson;
  id?: string;
  /** A new number each time a draft is opened; saving keeps the form as it is. */
  opened: number;
}

/**
 * Admin: welfare rule versions staff publish without a deploy. A draft is checked and
 * previewed, submitted by its drafter once its examples pass, and published when a second
 * admin approves it; the checker uses it from its effective date.
 */
export function AdminWelfareRulesPage() {
  const { t } = useLanguage();
  const text = useAdminText();
  const { ta, name } = text;
  const { api } = useLiff();
  const me = useMe();
  const overview = useResource(() => getRulesOverview(api), [api]);
  const [benefit, setBenefit] = useState<string>(BENEFIT_IDS[0]);
  const [editing, setEditing] = useState<Editing>();
  const [message, setMessage] = useState<{ text: string; failed: boolean }>();
  const [refusedCheck, setRefusedCheck] = useState<RuleCheck>();

  const advance = async (version: StoredVersion, step: "submit" | "approve") => {
    setMessage(undefined);
    setRefusedCheck(undefined);
    try {
      const done = await advanceVersion(api, version.id, step);
      setMessage({
        text:
          step === "submit"
            ? ta("submitted")
            : ta("approved", { date: formatDate(done.effective, text.language) }),
        failed: false,
      });
      overview.reload();
    } catch (error) {
      const check = checkOf(error);
      setRefusedCheck(check);
      const own = error instanceof ApiError && error.body.code === "same_admin";
      setMessage({
        text: check ? ta("blocked") : own ? ta("ownNoApprove") : ta("failed"),
        failed: true,
      });
    }
  };

  const start = () => {
    const current = overview.data?.inForce.find(rule => rule.benefit === benefit);
    if (current) setEditing({ rule: draftFrom(current), opened: Date.now() });
  };

  const versions = overview.data?.versions ?? [];
  return (
    <section aria-labelledby="welfare-rules-title">
      <StaffNav current="/staff/welfare-rules" />
      <TitleRow id="welfare-rules-title" resource={overview}>
        {ta("title")}
      </TitleRow>
      <p class="lead">{ta("intro")}</p>
      <p
        role="status"
        class={message ? `notice ${message.failed ? "error" : "success"}` : "visually-hidden"}
      >
        {message?.text}
      </p>
      {refusedCheck && <CheckResult check={refusedCheck} text={text} />}
      {overview.loading && !overview.data && <Loading />}
      {overview.error !== undefined && (
        <ProblemScreen
          error={overview.error}
          onRetry={overview.reload}
          forbidden={[t("staff.adminOnlyTitle"), t("staff.adminOnlyBody")]}
        />
      )}
      {overview.data && (
        <>
          <h2>{ta("versions")}</h2>
          {versions.length === 0 && <p class="empty">{ta("none")}</p>}
          <ul class="rule-versions">
            {versions.map(version => {
              const mine = version.draftedBy === me.data?.userId;
              return (
                <li key={version.id} class="card">
                  <p class="case-row-top">
                    <span class="badge">{ta(`status.${version.status}`)}</span>
                    <span>
                      {ta("version", {
                        benefit: name(`benefit.${version.benefit}`),
                        date: formatDate(version.effective, text.language),
                      })}
                    </span>
                  </p>
                  <p class="hint">{mine ? ta("draftedByYou") : ta("draftedByOther")}</p>
                  {version.status === "draft" && mine && (
                    <div class="actions">
                      <button
                        type="button"
                        class="button secondary"
                        onClick={() =>
                          setEditing({ rule: version.rule, id: version.id, opened: Date.now() })
                        }
                      >
                        {ta("edit")}
                      </button>
                      <button
                        type="button"
                        class="button primary"
                        onClick={() => void advance(version, "submit")}
                      >
                        {ta("submit")}
                      </button>
                    </div>
                  )}
                  {version.status === "submitted" &&
                    (mine ? (
                      <p class="hint">{ta("ownNoApprove")}</p>
                    ) : (
                      <button
                        type="button"
                        class="button primary"
                        onClick={() => void advance(version, "approve")}
                      >
                        {ta("approve")}
                      </button>
                    ))}
                </li>
              );
            })}
          </ul>
          {editing ? (
            <RuleEditor
              key={editing.opened}
              initial={editing.rule}
              id={editing.id}
              text={text}
              onSaved={version => {
                setEditing({ ...editing, rule: version.rule, id: version.id });
                overview.reload();
              }}
              onClose={() => setEditing(undefined)}
            />
          ) : (
            <section class="card" aria-labelledby="rule-new">
              <h2 id="rule-new">{ta("newTitle")}</h2>
              <SelectField
                id="rule-benefit"
                label={ta("benefit")}
                value={benefit}
                options={BENEFIT_IDS.map(id => ({ value: id, label: name(`benefit.${id}`) }))}
                onChange={setBenefit}
              />
              <button type="button" class="button primary" onClick={start}>
                {ta("start")}
              </button>
            </section>
          )}
        </>
      )}
    </section>
  );
}
