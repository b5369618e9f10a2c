import type { Person } from "@sa/core";
import { useState } from "preact/hooks";
import { useResource } from "../../api/use-resource";
import { Loading } from "../../components/loading";
import { useLanguage } from "../../i18n/language-context";
import { useLiff } from "../../liff/liff-context";
import { createStaff, listPeople, setAccountDisabled } from "./people-endpoints";

/** Admins: who is staff or admin, where, and whether the account works; make someone staff. */
export function StaffAccounts({ onNotice }: { onNotice: (text: string, failed: boolean) => void }) {
  const { t } = useLanguage();
  const { api } = useLiff();
  const people = useResource(() => listPeople(api), [api]);
  const [busy, setBusy] = useState(false);
  const [form, setForm] = useState({ userId: "", name: "", role: "staff", provinceCode: "" });

  const run = async (work: () => Promise<void>, done: string) => {
    setBusy(true);
    try {
      await work();
      onNotice(done, false);
      people.reload();
    } catch {
      onNotice(t("people.failed"), true);
    } finally {
      setBusy(false);
    }
  };

  const scopeText = (person: Person) =>
    person.scope?.kind === "province"
      ? t("people.province", { code: person.scope.provinceCode })
      : person.scope?.kind === "national"
        ? t("people.national")
        : "";

  const submit = (event: Event) => {
    event.preventDefault();
    const provinceCode = form.provinceCode.trim();
    const scope =
      form.role === "admin"
        ? null
        : provinceCode
          ? { kind: "province" as const, provinceCode }
          : { kind: "national" as const };
    void run(
      () =>
        createStaff(api, {
          userId: form.userId.trim(),
          name: form.name.trim(),
          role: form.role as "staff" | "admin",
          scope,
        }),
      t("people.created", { name: form.name.trim() }),
    );
  };

  return (
    <section aria-labelledby="accounts-title">
      <h2 id="accounts-title">{t("people.accountsTitle")}</h2>
      {people.loading && !people.data && <Loading />}
      <ul class="outbox-list">
        {(people.data ?? []).map(person => (
          <li key={person.userId} class="card">
            <p class="volunteer-name">{person.name || person.userId}</p>
            <p class="hint">
              {[t(`people.roles.${person.role}`), scopeText(person)].filter(Boolean).join(" · ")}
              {person.disabled && <span class="badge urgent">{t("people.disabled")}</span>}
            </p>
            <button
              type="button"
              class="button secondary"
              disabled={busy}
              aria-label={t(person.disabled ? "people.enableLabel" : "people.disableLabel", {
                name: person.name,
              })}
              onClick={() =>
                void run(
                  () => setAccountDisabled(api, person.userId, !person.disabled),
                  t(person.disabled ? "people.enabled" : "people.disabledDone", {
                    name: person.name,
                  }),
                )
              }
            >
              {t(person.disabled ? "people.enable" : "people.disable")}
            </button>
          </li>
        ))}
      </ul>
      <form class="card" onSubmit={submit}>
        <h3>{t("people.createTitle")}</h3>
        <label class="field">
          <span>{t("people.userId")}</span>
          <input
            value={form.userId}
            required
            onInput={e => setForm({ ...form, userId: e.currentTarget.value })}
          />
          <span class="hint">{t("people.userIdHint")}</span>
        </label>
        <label class="field">
          <span>{t("people.name")}</span>
          <input
            value={form.name}
            required
            onInput={e => setForm({ ...form, name: e.currentTarget.value })}
          />
        </label>
        <label class="field">
          <span>{t("people.role")}</span>
          <select
            value={form.role}
            onChange={e => setForm({ ...form, role: e.currentTarget.value })}
          >
            <option value="staff">{t("people.roles.staff")}</option>
            <option value="admin">{t("people.roles.admin")}</option>
          </select>
        </label>
        {form.role === "staff" && (
          <label class="field">
            <span>{t("people.provinceCode")}</span>
            <input
              value={form.provinceCode}
              inputMode="numeric"
              pattern="\d{2}"
              onInput={e => setForm({ ...form, provinceCode: e.currentTarget.value })}
            />
            <span class="hint">{t("people.provinceCodeHint")}</span>
          </label>
        )}
        <button type="submit" class="button primary" disabled={busy}>
          {t("people.create")}
        </button>
      </form>
    </section>
  );
}
