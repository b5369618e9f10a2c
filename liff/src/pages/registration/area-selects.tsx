import { compareNames } from "@sa/core";
import { useEffect, useState } from "preact/hooks";
import { SelectField } from "../../components/field/select-field";
import { useLanguage } from "../../i18n/language-context";

interface Unit {
  code: string;
  nameTh: string;
  nameEn: string;
}

export interface AreaCodes {
  provinceCode: string;
  districtCode: string;
  subDistrictCode: string;
}

// The address directory is ~300 KB of data: fetched only when someone registers.
const directory = () => import("thai-address-universal");

/** Province → district → sub-district, each list filled when the one above is chosen. */
export function AreaSelects({
  value,
  onChange,
  error,
}: {
  value: AreaCodes;
  onChange: (codes: AreaCodes) => void;
  error?: string | undefined;
}) {
  const { t, language } = useLanguage();
  const [provinces, setProvinces] = useState<Unit[]>([]);
  const [districts, setDistricts] = useState<Unit[]>([]);
  const [subDistricts, setSubDistricts] = useState<Unit[]>([]);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    directory()
      .then(d => d.getProvinces())
      .then(setProvinces, () => setFailed(true));
  }, []);
  useEffect(() => {
    setDistricts([]);
    if (value.provinceCode)
      directory()
        .then(d => d.getDistricts(value.provinceCode))
        .then(setDistricts, () => setFailed(true));
  }, [value.provinceCode]);
  useEffect(() => {
    setSubDistricts([]);
    if (value.districtCode)
      directory()
        .then(d => d.getSubDistricts(value.districtCode))
        .then(setSubDistricts, () => setFailed(true));
  }, [value.districtCode]);

  const options = (units: Unit[]) =>
    units
      .map(u => ({ value: u.code, label: language === "en" && u.nameEn ? u.nameEn : u.nameTh }))
      .sort((a, b) => compareNames(language)(a.label, b.label));

  return (
    <fieldset class="field area" id="reg-area">
      <legend>{t("registration.area")}</legend>
      {failed && (
        <p class="field-error" role="alert">
          {t("area.failed")}
        </p>
      )}
      <SelectField
        id="reg-province"
        label={t("area.province")}
        value={value.provinceCode}
        placeholder={t("area.choose")}
        options={options(provinces)}
        onChange={provinceCode => onChange({ provinceCode, districtCode: "", subDistrictCode: "" })}
      />
      <SelectField
        id="reg-district"
        label={t("area.district")}
        value={value.districtCode}
        placeholder={t("area.choose")}
        disabled={!value.provinceCode}
        options={options(districts)}
        onChange={districtCode => onChange({ ...value, districtCode, subDistrictCode: "" })}
      />
      <SelectField
        id="reg-subdistrict"
        label={t("area.subDistrict")}
        value={value.subDistrictCode}
        placeholder={t("area.choose")}
        disabled={!value.districtCode}
        options={options(subDistricts)}
        error={error}
        onChange={subDistrictCode => onChange({ ...value, subDistrictCode })}
      />
    </fieldset>
  );
}
