/**
 * What kind of danger a message speaks of, most time-critical first: when a message names
 * several (a fire and someone unconscious, or a beating and a wish to die), the first kind in
 * this list is the one reported, so the number that sends help fastest is offered first.
 */
export const DANGER_KINDS = [
  "fire",
  "medical",
  "self_harm",
  "threat",
  "violence",
  "sexual_violence",
  "child_abuse",
  "confinement",
  "trafficking",
  "call_for_help",
] as const;

export type DangerKind = (typeof DANGER_KINDS)[number];

/**
 * Thai emergency numbers: 191 police, 1669 emergency medical service, 199 fire, 1323 mental
 * health line (กรมสุขภาพจิต), 1300 the ministry's social assistance centre (ศูนย์ช่วยเหลือสังคม,
 * also the door for domestic violence, children, trafficking).
 */
export type EmergencyNumber = "191" | "1669" | "199" | "1323" | "1300";

/** The numbers to offer for each kind, the one to call first first. */
export const DANGER_HOTLINES: Readonly<Record<DangerKind, readonly EmergencyNumber[]>> = {
  fire: ["199", "1669", "191"],
  medical: ["1669", "191"],
  self_harm: ["1323", "1669", "1300"],
  threat: ["191", "1300"],
  violence: ["191", "1300", "1669"],
  sexual_violence: ["191", "1300", "1669"],
  child_abuse: ["1300", "191"],
  confinement: ["191", "1300"],
  trafficking: ["1300", "191"],
  call_for_help: ["191", "1300", "1669"],
};
