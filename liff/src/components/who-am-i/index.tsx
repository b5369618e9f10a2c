import { useEffect, useState } from "preact/hooks";
import type { Language } from "@sa/core";
import { useLanguage } from "../../i18n/language-context";
import type { SimUser, SimulatorClient } from "../../liff/simulator-client";
import { LanguageSwitch } from "../layout/language-switch";
import "./simulator-strings";

/**
 * The local stack has no LINE app to say who the person is: pick (or make) one of the LINE
 * stand-in's simulated users, and the app gets a real ID token for them.
 */
export function WhoAmI({
  simulator,
  onChosen,
}: {
  simulator: SimulatorClient;
  onChosen: (user: SimUser) => Promise<void>;
}) {
  const { t } = useLanguage();
  const [users, setUsers] = useState<SimUser[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [name, setName] = useState("");
  const [newLanguage, setNewLanguage] = useState<Language>("th");
  const [nameError, setNameError] = useState(false);

  const load = () => {
    setFailed(false);
    simulator.listUsers().then(setUsers, () => setFailed(true));
  };
  useEffect(load, [simulator]);

  const choose = async (user: SimUser) => {
    setBusy(true);
    try {
      await onChosen(user);
    } catch {
      setFailed(true);
      setBusy(false);
    }
  };

  const create = async (event: Event) => {
    event.preventDefault();
    if (name.trim().length === 0) {
      setNameError(true);
      return;
    }
    setBusy(true);
    try {
      await choose(await simulator.createUser(name.trim(), newLanguage));
    } catch {
      setFailed(true);
      setBusy(false);
    }
  };

  return (
    <div class="app">
      <header class="topbar">
        <span class="brand">{t("app.name")}</span>
        <LanguageSwitch />
      </header>
      <main class="page" id="main">
        <h1>{t("whoAmI.title")}</h1>
        <p class="hint">{t("whoAmI.explain")}</p>
        {failed && (
          <div class="notice error" role="alert">
            <p>{t("whoAmI.failed")}</p>
            <button type="button" class="button secondary" onClick={load}>
              {t("common.retry")}
            </button>
          </div>
        )}
        {users === null && !failed && <p role="status">{t("common.loading")}</p>}
        {users && users.length > 0 && (
          <ul class="choice-list" aria-label={t("whoAmI.listLabel")}>
            {users.map(user => (
              <li key={user.userId}>
                <button
                  type="button"
                  class="button choice"
                  disabled={busy}
                  onClick={() => void choose(user)}
                >
                  <span class="choice-title">{user.displayName}</span>
                  <span class="choice-detail">{user.userId.slice(0, 9)}…</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {users && users.length === 0 && <p>{t("whoAmI.none")}</p>}
        <form class="card" onSubmit={create} noValidate>
          <h2>{t("whoAmI.createTitle")}</h2>
          <div class="field">
            <label for="sim-name">{t("whoAmI.displayName")}</label>
            <input
              id="sim-name"
              value={name}
              autocomplete="off"
              aria-invalid={nameError}
              aria-describedby={nameError ? "sim-name-error" : undefined}
              onInput={e => {
                setName(e.currentTarget.value);
                setNameError(false);
              }}
            />
            {nameError && (
              <p class="field-error" id="sim-name-error">
                {t("whoAmI.nameRequired")}
              </p>
            )}
          </div>
          <div class="field">
            <label for="sim-language">{t("whoAmI.language")}</label>
            <select
              id="sim-language"
              value={newLanguage}
              onChange={e => setNewLanguage(e.currentTarget.value === "en" ? "en" : "th")}
            >
              <option value="th">ไทย</option>
              <option value="en">English</option>
            </select>
          </div>
          <button type="submit" class="button primary" disabled={busy}>
            {t("whoAmI.create")}
          </button>
        </form>
      </main>
    </div>
  );
}
