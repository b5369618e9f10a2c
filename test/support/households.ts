import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CHIANG_MAI_SI_PHUM, callApi } from "./accounts";

/** A checked-in target-household list (test/fixtures/households), as the import page sends it. */
export function householdList(name: string): { fileName: string; content: string } {
  const bytes = readFileSync(join(import.meta.dirname, "../fixtures/households", name));
  return { fileName: name, content: bytes.toString("base64") };
}

export function importList(idToken: string, name: string, clientId: string) {
  return callApi("/staff/households/import", {
    idToken,
    body: { ...householdList(name), clientId },
  });
}

/** A family record book visit that finds needs on health and income, and its next step. */
export function householdVisit(
  clientId: string,
  nextStep: unknown = { kind: "none", reason: "ลูกสาวย้ายกลับมาดูแลแล้ว" },
) {
  return {
    clientId,
    visitedAt: "2026-11-25T09:00:00+07:00",
    members: [{ age: 74, sex: "female", disability: false, chronicIllness: true }],
    housing: "stable",
    monthlyIncome: 1500,
    needs: {
      health: { level: "some" },
      living: { level: "none" },
      education: { level: "none" },
      income: { level: "urgent" },
      access: { level: "none" },
    },
    nextStep,
  };
}

/** A household document as an import writes it, in Chiang Mai's ศรีภูมิ, village 1. */
export function seededHousehold(id: string, assignee: { userId: string; name: string } | null) {
  const needs = { health: false, living: false, education: false, income: false, access: false };
  return {
    id,
    householdId: id.slice(3),
    houseNumber: "1",
    village: 1,
    area: CHIANG_MAI_SI_PHUM,
    headName: "นางหนึ่ง",
    members: null,
    surveyedAt: null,
    needs,
    listNeeds: needs,
    point: null,
    provinceCode: "50",
    addressKey: `500101|1|1`,
    assignee,
    lastVisit: null,
    importedAt: "2026-11-01T00:00:00.000Z",
    updatedAt: "2026-11-01T00:00:00.000Z",
  };
}
