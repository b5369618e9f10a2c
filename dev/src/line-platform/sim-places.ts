/**
 * The places the chat page offers under "send a location", one tap each. A LINE location
 * message carries the point and usually the address LINE's map shows for it, with or without a
 * postcode; the bot has to find the area either way. `provinceCode` is where each one is (the
 * address directory's code), for the tests.
 */
export interface SimPlace {
  name: string;
  lat: number;
  lng: number;
  address?: string;
  provinceCode: string;
}

export const SIM_PLACES: readonly SimPlace[] = [
  {
    name: "เชียงใหม่ – เมืองเก่า",
    lat: 18.7883,
    lng: 98.9853,
    address: "ตำบลศรีภูมิ อำเภอเมืองเชียงใหม่ เชียงใหม่",
    provinceCode: "50",
  },
  {
    name: "ขอนแก่น – ในเมือง",
    lat: 16.4419,
    lng: 102.836,
    address: "ตำบลในเมือง อำเภอเมืองขอนแก่น ขอนแก่น",
    provinceCode: "40",
  },
  {
    name: "กรุงเทพฯ – ดินแดง",
    lat: 13.77,
    lng: 100.553,
    address: "แขวงดินแดง เขตดินแดง กรุงเทพมหานคร",
    provinceCode: "10",
  },
  {
    name: "สงขลา – หาดใหญ่",
    lat: 7.0086,
    lng: 100.4747,
    address: "ถนนเพชรเกษม ตำบลหาดใหญ่ อำเภอหาดใหญ่ สงขลา 90110 ประเทศไทย",
    provinceCode: "90",
  },
  {
    name: "อุบลราชธานี – ในเมือง",
    lat: 15.2287,
    lng: 104.8564,
    address: "ถนนอุปราช ตำบลในเมือง อำเภอเมืองอุบลราชธานี อุบลราชธานี",
    provinceCode: "34",
  },
  {
    name: "น่าน – บ่อเกลือ (ชนบท)",
    lat: 19.1453,
    lng: 101.1556,
    address: "Unnamed Road ตำบลบ่อเกลือใต้ อำเภอบ่อเกลือ น่าน 55220 ประเทศไทย",
    provinceCode: "55",
  },
];
