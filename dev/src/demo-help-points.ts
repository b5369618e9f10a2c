import { SUB_DISTRICT_CENTRES, type HelpPoint } from "@sa/core";

/**
 * The demo province's help points for `npm start` and the tests: a one-stop centre in each
 * sub-district of Mueang Chiang Mai, the provincial office and a shelter. No real office's
 * address or number is in the reference material, so every entry is marked demo (`demo: true`
 * and "(ข้อมูลสาธิต)" in its name) and its phone is the ministry's real 1300 hotline, so a tap on
 * "call" never reaches a stranger. Places are the sub-district centres of the 2018 table.
 */
export function demoHelpPoints(): HelpPoint[] {
  const mueang = SUB_DISTRICT_CENTRES.filter(c => c.districtCode === "5001");
  const at = (code: string) => {
    const centre = mueang.find(c => c.subDistrictCode === code)!;
    return { latitude: centre.latitude, longitude: centre.longitude };
  };
  const weekdays = "จันทร์–ศุกร์ 08:30–16:30";
  return [
    ...mueang.map(
      (c): HelpPoint => ({
        id: `demo-osc-${c.subDistrictCode}`,
        kind: "one_stop_centre",
        name: `ศูนย์ช่วยเหลือสังคมตำบล${c.subDistrict} (ข้อมูลสาธิต)`,
        address: `ที่ทำการตำบล${c.subDistrict} อ.${c.district} จ.${c.province}`,
        subDistrictCode: c.subDistrictCode,
        location: { latitude: c.latitude, longitude: c.longitude },
        phone: "1300",
        hours: weekdays,
        demo: true,
      }),
    ),
    {
      id: "demo-office-50",
      kind: "provincial_office",
      name: "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดเชียงใหม่ (ข้อมูลสาธิต)",
      address: "ศาลากลางจังหวัดเชียงใหม่ ต.ช้างเผือก อ.เมืองเชียงใหม่ จ.เชียงใหม่",
      subDistrictCode: "500107",
      location: at("500107"),
      phone: "1300",
      hours: weekdays,
      demo: true,
    },
    {
      id: "demo-shelter-50",
      kind: "shelter",
      name: "บ้านพักเด็กและครอบครัวจังหวัดเชียงใหม่ (ข้อมูลสาธิต)",
      address: "ต.ป่าแดด อ.เมืองเชียงใหม่ จ.เชียงใหม่",
      subDistrictCode: "500110",
      location: at("500110"),
      phone: "1300",
      hours: "ทุกวัน 24 ชั่วโมง",
      demo: true,
    },
  ];
}
