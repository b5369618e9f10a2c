export { detectDanger, detectDangers, normalizeForDanger } from "./danger-phrases";
export type { DangerMatch } from "./danger-phrases";
export { DANGER_HOTLINES, DANGER_KINDS } from "./danger-kinds";
export type { DangerKind, EmergencyNumber } from "./danger-kinds";
