import { testFirestore } from "./emulator";

/**
 * The person's hourly report window, as the webhook keeps it: in their session document
 * (`reportsSentAt`), written with the session. Tests read and seed it only through here.
 */
function sessionOf(userId: string) {
  return testFirestore().collection("sessions").doc(userId);
}

export async function reportWindowOf(userId: string): Promise<string[] | undefined> {
  return (await sessionOf(userId).get()).data()?.reportsSentAt;
}

/** Reports "sent" at these times; the session's conversation is left as it was (idle if none). */
export async function seedReportWindow(userId: string, sentAt: string[]): Promise<void> {
  const stored = (await sessionOf(userId).get()).data();
  await sessionOf(userId).set({ flow: "idle", ...stored, reportsSentAt: sentAt });
}
