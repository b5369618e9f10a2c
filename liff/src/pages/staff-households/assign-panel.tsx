import { useState } from "preact/hooks";
import type { ProgressRow } from "@sa/core";
import { assignHouseholds } from "../../api/household-staff-endpoints";
import { listVolunteers } from "../../api/staff-endpoints";
import { useResource } from "../../api/use-resource";
import { SelectField } from "../../components/field/select-field";
import { useHouseholdsText } from "./text";
import { useLiff } from "../../liff/liff-context";

/** A sub-district, or one village of it, to an approved volunteer registered there. */
export function AssignPanel({ rows, onAssigned }: { rows: ProgressRow[]; onAssigned: () => void }) {
  const t = useHouseholdsText();
  const { api } = useLiff();
  const volunteers = useResource(() => listVolunteers(api), [api]);
  const subDistricts = rows.filter(r => r.village === null);
  const [subDistrictCode, setSubDistrictCode] = useState("");
  const [village, setVillage] = useState("");
  const [volunteerUserId, setVolunteer] = useState("");
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);

  const villages = rows.filter(r => r.subDistrictCode === subDistrictCode && r.village !== null);
  const serving = (volunteers.data ?? []).filter(
    v => v.registration === "approved" && v.area?.subDistrictCode === subDistrictCode,
  );

  const assign = async () => {
    const volunteer = serving.find(v => v.userId === volunteerUserId);
    if (!volunteer) return;
    setMessage(null);
    try {
      const count = await assignHouseholds(api, {
        subDistrictCode,
        volunteerUserId,
        ...(village && { village: Number(village) }),
      });
      setMessage({
        text: t("staff.assigned", { count, name: volunteer.name }),
        failed: false,
      });
      onAssigned();
    } catch {
      setMessage({ text: t("staff.failed"), failed: true });
    }
  };

  return (
    <section class="card" aria-labelledby="assign-title">
      <h2 id="assign-title">{t("staff.assignTitle")}</h2>
      <SelectField
        id="assign-sub-district"
        label={t("staff.subDistrict")}
        value={subDistrictCode}
        placeholder=""
        options={subDistricts.map(r => ({ value: r.subDistrictCode, label: r.subDistrict }))}
        onChange={value => {
          setSubDistrictCode(value);
          setVillage("");
          setVolunteer("");
        }}
      />
      <SelectField
        id="assign-village"
        label={t("staff.village")}
        value={village}
        placeholder={t("staff.wholeSubDistrict")}
        options={villages.map(r => ({ value: String(r.village), label: String(r.village) }))}
        onChange={setVillage}
        disabled={!subDistrictCode}
      />
      <SelectField
        id="assign-volunteer"
        label={t("staff.volunteer")}
        value={volunteerUserId}
        placeholder={t("staff.chooseVolunteer")}
        options={serving.map(v => ({ value: v.userId, label: v.name }))}
        onChange={setVolunteer}
        disabled={!subDistrictCode}
        hint={subDistrictCode && serving.length === 0 ? t("staff.noVolunteer") : undefined}
      />
      <button
        type="button"
        class="button primary"
        disabled={!subDistrictCode || !volunteerUserId}
        onClick={() => void assign()}
      >
        {t("staff.assignButton")}
      </button>
      {message && (
        <p
          class={message.failed ? "notice error" : "notice"}
          role={message.failed ? "alert" : "status"}
        >
          {message.text}
        </p>
      )}
    </section>
  );
}
