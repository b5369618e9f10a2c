import type { CaseCategory } from "@sa/core";

/**
 * Words that usually tell what a report is about, in the order categories are preferred when a
 * description names several: who needs help (a child, an elderly or disabled person) before the
 * circumstance (money, housing). A suggestion only: the citizen confirms it with one tap.
 */
const CATEGORY_WORDS: readonly [CaseCategory, readonly string[]][] = [
  [
    "human_trafficking",
    [
      "ค้ามนุษย์",
      "บังคับใช้แรงงาน",
      "ยึดพาสปอร์ต",
      "ยึดบัตร",
      "หลอกไปทำงาน",
      "ค้าประเวณี",
      "trafficking",
      "forced labour",
      "forced labor",
    ],
  ],
  [
    "domestic_violence",
    [
      "ทำร้าย",
      "ทุบตี",
      "ตบตี",
      "ถูกตี",
      "ทะเลาะ",
      "ความรุนแรง",
      "ข่มขู่",
      "ล่วงละเมิด",
      "ข่มขืน",
      "violence",
      "abuse",
      "beaten",
      "hits",
      "hitting",
    ],
  ],
  [
    "children_youth",
    [
      "เด็ก",
      "ลูก",
      "หลาน",
      "ทารก",
      "นักเรียน",
      "เยาวชน",
      "child",
      "children",
      "kid",
      "baby",
      "teen",
    ],
  ],
  [
    "elderly",
    [
      "ผู้สูงอายุ",
      "คนแก่",
      "ผู้เฒ่า",
      "ยาย",
      "คุณตา",
      "ตายาย",
      "ปู่",
      "ย่า",
      "elderly",
      "old man",
      "old woman",
      "grandma",
      "grandpa",
      "grandmother",
      "grandfather",
    ],
  ],
  [
    "disability",
    [
      "พิการ",
      "ตาบอด",
      "หูหนวก",
      "รถเข็น",
      "ติดเตียง",
      "ออทิสติก",
      "disabled",
      "disability",
      "wheelchair",
      "blind",
      "deaf",
      "bedridden",
    ],
  ],
  [
    "homeless",
    [
      "ไร้บ้าน",
      "เร่ร่อน",
      "ไร้ที่พึ่ง",
      "นอนข้างถนน",
      "นอนริมถนน",
      "ขอทาน",
      "homeless",
      "sleeping rough",
      "beggar",
    ],
  ],
  [
    "women_family",
    ["ตั้งครรภ์", "ท้องไม่พร้อม", "แม่เลี้ยงเดี่ยว", "คนท้อง", "pregnant", "single mother"],
  ],
  [
    "housing",
    [
      "บ้านพัง",
      "บ้านทรุด",
      "หลังคารั่ว",
      "บ้านไฟไหม้",
      "ถูกไล่ที่",
      "ไม่มีที่อยู่",
      "ที่อยู่อาศัย",
      "house collapsed",
      "evicted",
      "roof",
    ],
  ],
  [
    "income_poverty",
    [
      "ยากจน",
      "ไม่มีเงิน",
      "ตกงาน",
      "ขาดอาหาร",
      "อดอยาก",
      "ไม่มีข้าวกิน",
      "หนี้",
      "รายได้",
      "poor",
      "no money",
      "unemployed",
      "hungry",
      "debt",
    ],
  ],
];

/** The category a description most likely belongs to, or undefined when no word says. */
export function suggestCategory(description: string | undefined): CaseCategory | undefined {
  if (!description) return undefined;
  const text = description.toLowerCase();
  let best: { category: CaseCategory; hits: number } | undefined;
  for (const [category, words] of CATEGORY_WORDS) {
    const hits = words.filter(word => text.includes(word)).length;
    if (hits > 0 && (!best || hits > best.hits)) best = { category, hits };
  }
  return best?.category;
}
