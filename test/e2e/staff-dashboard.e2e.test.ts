import { beforeEach, describe, expect, it } from "vitest";
import { CHIANG_MAI_SI_PHUM, grantRole, lineUser, seedCase } from "../support/accounts";
import { clearFirestore, testFirestore } from "../support/emulator";
import { inject } from "vitest";

const db = testFirestore();

async function get(path: string, idToken: string) {
  return fetch(`${inject("stack").apiUrl}${path}`, {
    headers: { authorization: `Bearer ${idToken}` },
  });
}

beforeEach(async () => {
  await clearFirestore();
});

describe("the staff dashboard and export", () => {
  it("should count the province's cases by status, category and week, and the overdue ones", async () => {
    const staff = await lineUser("เจ้าหน้าที่");
    await grantRole(staff.userId, "staff");
    const created = new Date(Date.now() - 3 * 3_600_000).toISOString();
    await seedCase({
      status: "new",
      urgent: true,
      routing: {
        source: "50",
        recipients: [],
        escalation: [],
        ackDueAt: created,
        escalationLevel: 0,
      },
    });
    await seedCase({ status: "new", category: "children_youth" });
    await seedCase({
      status: "resolved",
      createdAt: created,
      acknowledgedBy: {
        userId: "x",
        name: "x",
        at: new Date(Date.parse(created) + 30 * 60_000).toISOString(),
      },
      resolvedAt: new Date(Date.parse(created) + 120 * 60_000).toISOString(),
    });
    await seedCase({
      status: "new",
      location: { area: { provinceCode: "10", province: "กรุงเทพมหานคร" } },
    });

    const response = await get("/staff/dashboard", staff.idToken);
    expect(response.status).toBe(200);
    const dashboard = await response.json();
    expect(dashboard.total).toBe(3);
    expect(dashboard.byStatus).toMatchObject({ new: 2, resolved: 1, closed: 0 });
    expect(dashboard.byCategory).toMatchObject({ elderly: 2, children_youth: 1 });
    expect(dashboard.byWeek).toHaveLength(8);
    expect(dashboard.byWeek.reduce((n: number, w: { count: number }) => n + w.count, 0)).toBe(3);
    expect(dashboard.overdue).toBe(1);
    expect(dashboard.medianMinutesToAcknowledge).toBe(30);
    expect(dashboard.medianMinutesToResolve).toBe(120);
  });

  it("should export the filtered cases as a CSV that Excel opens in Thai, and audit it", async () => {
    const staff = await lineUser("เจ้าหน้าที่");
    await grantRole(staff.userId, "staff");
    const elderly = await seedCase({
      status: "assigned",
      assignee: { userId: "Uv", name: '=HYPERLINK("x")' },
    });
    const child = await seedCase({ status: "new", category: "children_youth" });

    const response = await get("/staff/export.csv?category=elderly", staff.idToken);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    expect(csv).toContain("เลขที่เรื่อง");
    expect(csv).toContain(elderly.ticket);
    expect(csv).toContain("ผู้สูงอายุ");
    expect(csv).not.toContain(child.ticket);
    // A name that looks like a formula is neutralised, not run by Excel.
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).not.toContain(elderly.description);
    expect(csv).toContain("2569");
    const audit = await db.collection("audit").where("action", "==", "export_cases").get();
    expect(audit.docs.map(d => d.data().actor)).toEqual([staff.userId]);
  });

  it("should give the queue a page at a time, every case waiting for triage on the first (overdue on top), with no case missed or shown twice, and export them all", async () => {
    const staff = await lineUser("เจ้าหน้าที่");
    await grantRole(staff.userId, "staff");
    // Ten cases share each moment: the pages must not cut between cases of one moment.
    const start = Date.now() - 3_600_000;
    const seeded = await Promise.all(
      Array.from({ length: 70 }, (_, i) =>
        seedCase({ createdAt: new Date(start + Math.floor(i / 10) * 60_000).toISOString() }),
      ),
    );

    // Waiting for triage since before all of them and past its deadline: on the first page, on top.
    const waiting = await seedCase({
      status: "new",
      createdAt: new Date(start - 60_000).toISOString(),
      routing: {
        source: "50",
        recipients: [],
        escalation: [],
        ackDueAt: new Date(start).toISOString(),
        escalationLevel: 0,
      },
    });

    const pages: {
      cases: { ticket: string; overdue: boolean }[];
      next: string | null;
      waitingCapped: boolean;
    }[] = [];
    for (let after: string | null = ""; after !== null; ) {
      const query = after ? `?after=${encodeURIComponent(after)}` : "";
      const response = await get(`/staff/queue${query}`, staff.idToken);
      expect(response.status).toBe(200);
      pages.push(await response.json());
      after = pages.at(-1)!.next;
    }
    expect(pages.map(page => page.cases.length)).toEqual([31, 30, 10]);
    expect(pages[0]!.cases[0]).toMatchObject({ ticket: waiting.ticket, overdue: true });
    expect(pages[0]!.waitingCapped).toBe(false);
    const shown = pages.flatMap(page => page.cases.map(c => c.ticket));
    expect(new Set(shown).size).toBe(71);
    expect(shown.sort()).toEqual([...seeded, waiting].map(c => c.ticket).sort());
    // Under the filter "new" the waiting cases are the page.
    const onlyNew = await (await get("/staff/queue?status=new", staff.idToken)).json();
    expect(onlyNew.cases.map((c: { ticket: string }) => c.ticket)).toEqual([waiting.ticket]);
    expect((await get("/staff/queue?after=not-a-cursor", staff.idToken)).status).toBe(400);

    const csv = await (await get("/staff/export.csv", staff.idToken)).text();
    expect(csv.trim().split("\r\n")).toHaveLength(72);
    for (const { ticket } of [...seeded, waiting]) expect(csv).toContain(ticket);
  });

  it("should keep other provinces' cases out of a staff member's export and refuse non-staff", async () => {
    const bangkok = await lineUser("เจ้าหน้าที่ กทม.");
    await grantRole(bangkok.userId, "staff", { provinceCode: "10", province: "กรุงเทพมหานคร" });
    const chiangMai = await seedCase({ status: "new", location: { area: CHIANG_MAI_SI_PHUM } });
    const csv = await (await get("/staff/export.csv", bangkok.idToken)).text();
    expect(csv).not.toContain(chiangMai.ticket);

    const volunteer = await lineUser("อพม.");
    await grantRole(volunteer.userId, "volunteer");
    expect((await get("/staff/export.csv", volunteer.idToken)).status).toBe(403);
    expect((await get("/staff/dashboard", volunteer.idToken)).status).toBe(403);
  });
});
