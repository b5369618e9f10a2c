import { compareNames } from "@sa/core";
import { useEffect, useState } from "preact/hooks";
import { SelectField, type Option } from "../../components/field/select-field";
import { useLanguage } from "../../i18n/language-context";

/** The districts of the staff member's province, from the address directory (loaded lazily). */
export function DistrictSelect({
  provinceCode,
  value,
  onChange,
}: {
  provinceCode: string;
  value: string;
  onChange: (districtCode: string) => void;
}) {
  const { t, language } = useLanguage();
  const [options, setOptions] = useState<Option[]>([]);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    import("thai-address-universal")
      .then(directory => directory.getDistricts(provinceCode))
      .then(
        districts =>
          live &&
          setOptions(
            districts
              .map(d => ({
                value: d.code,
                label: language === "en" && d.nameEn ? d.nameEn : d.nameTh,
              }))
              .sort((a, b) => compareNames(language)(a.label, b.label)),
          ),
        () => live && setFailed(true),
      );
    return () => {
      live = false;
    };
  }, [provinceCode, language]);

  return (
    <SelectField
      id="filter-district"
      label={t("area.district")}
      value={value}
      placeholder={t("staff.queue.allDistricts")}
      hint={failed ? t("staff.queue.districtsFailed") : undefined}
      disabled={options.length === 0}
      options={options}
      onChange={onChange}
    />
  );
}
