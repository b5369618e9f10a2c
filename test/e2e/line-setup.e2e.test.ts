import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { LOCAL_CHANNEL_ACCESS_TOKEN } from "@sa/dev";
import { imageSize } from "../../dev/src/line-platform/image-size";
import { setupLine as setupLineNow } from "../../dev/src/line-setup/setup-line";
import { lineUser } from "../support/accounts";
import { ChatUser, visibleText } from "../support/chat";
import { REPO_ROOT, run } from "../support/deploy";
import { clearFirestore, testFirestore } from "../support/emulator";

/**
 * `npm run setup:line` and `npm run seed` as an operator runs them, pointed at the local
 * stack: the LINE stand-in for the Messaging API, the Firestore emulator for the project.
 */
const stack = inject("stack");
const db = testFirestore();

/** The Messaging API of the stand-in, with the channel's token, as the script calls it. */
async function line<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${stack.lineUrl}${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${LOCAL_CHANNEL_ACCESS_TOKEN}`,
      "content-type": "application/json",
    },
  });
  expect(response.ok).toBe(true);
  return (
    path.endsWith("/content") ? Buffer.from(await response.arrayBuffer()) : response.json()
  ) as T;
}

function setupLine(webhookUrl: string) {
  const args = ["--project", stack.projectId, "--emulator", stack.firestoreHost];
  args.push("--webhook-url", webhookUrl, "--line-api", stack.lineUrl);
  args.push("--line-data-api", stack.lineUrl);
  return run("npm", ["run", "setup:line", "--silent", "--", ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, LINE_CHANNEL_ACCESS_TOKEN: LOCAL_CHANNEL_ACCESS_TOKEN },
  }).catch((error: { stdout: string; stderr: string; code: number }) => error);
}

let english = "";

beforeAll(async () => {
  await clearFirestore();
  english = (await lineUser("English speaker")).userId;
  await db.collection("users").doc(english).set({ role: "citizen", language: "en" });
});

afterAll(async () => {
  // Whatever a case left behind, LINE posts to the stack's webhook again.
  await line("/v2/bot/channel/webhook/endpoint", {
    method: "PUT",
    body: JSON.stringify({ endpoint: stack.webhookUrl }),
  });
  await clearFirestore();
});

describe("the rich menu follows the chat's language", () => {
  /** Both menus and their aliases, as `npm run setup:line` makes them, nobody linked yet. */
  const makeMenus = () =>
    setupLineNow({
      channelAccessToken: LOCAL_CHANNEL_ACCESS_TOKEN,
      apiBaseUrl: stack.lineUrl,
      dataApiBaseUrl: stack.lineUrl,
      englishUserIds: [],
    });
  const menuOf = async (userId: string) =>
    (await line<{ richMenuId: string }>(`/v2/bot/user/${userId}/richmenu`)).richMenuId;

  it("should link a citizen who switches language in the chat to that language's menu", async () => {
    const { menus } = await makeMenus();
    const citizen = await ChatUser.create("th");
    // Mid-report, an English sentence switches the chat, and with it the menu.
    await citizen.tap("a=menu.report");
    await citizen.say("Can you speak English?");
    expect((await citizen.newReplies()).map(visibleText).join("\n")).toMatch(/English/);
    await expect.poll(() => menuOf(citizen.userId)).toBe(menus.en);
    // The language command switches back.
    await citizen.say("ภาษาไทย");
    await expect.poll(() => menuOf(citizen.userId)).toBe(menus.th);

    // No English menu to link (setup not run, or undone): the chat switches all the same.
    await line("/v2/bot/richmenu/alias/main-en", { method: "DELETE" });
    await citizen.newReplies();
    await citizen.say("English");
    expect((await citizen.newReplies()).map(visibleText).join("\n")).toContain(
      "Switched to English",
    );
    expect(await menuOf(citizen.userId)).toBe(menus.th);
  });

  it("should give someone whose LINE is set to English the English menu from their first message", async () => {
    const { menus } = await makeMenus();
    const citizen = await ChatUser.create("en");
    await citizen.say("hello");
    expect((await citizen.newReplies()).length).toBeGreaterThan(0);
    await expect.poll(() => menuOf(citizen.userId)).toBe(menus.en);
  });
});

// Each case runs the scripts as new processes (tsx, firebase-admin): slow on a shared machine.
describe("npm run setup:line", { timeout: 240_000 }, () => {
  it("makes a Thai and an English rich menu, Thai for everyone, English for English speakers", async () => {
    for (let i = 0; i < 2; i++) {
      const { stdout } = await setupLine(stack.webhookUrl);
      expect(stdout).toContain("Still to do in the LINE console");
    }
    const { aliases } = await line<{ aliases: { richMenuAliasId: string; richMenuId: string }[] }>(
      "/v2/bot/richmenu/alias/list",
    );
    const menuOf = Object.fromEntries(aliases.map(a => [a.richMenuAliasId, a.richMenuId]));
    expect(Object.keys(menuOf).sort()).toEqual(["main-en", "main-th"]);
    // Run twice, still one menu per language: the second run replaced the first.
    const { richmenus } = await line<{ richmenus: { richMenuId: string; name: string }[] }>(
      "/v2/bot/richmenu/list",
    );
    expect(richmenus.map(m => m.richMenuId).sort()).toEqual(Object.values(menuOf).sort());
    const labels = (id: string) =>
      richmenus.find(m => m.richMenuId === id) as unknown as {
        areas: { action: { label: string } }[];
      };
    expect(labels(menuOf["main-en"]!).areas[0]!.action.label).toBe("Report");

    const byDefault = await line<{ richMenuId: string }>("/v2/bot/user/all/richmenu");
    expect(byDefault.richMenuId).toBe(menuOf["main-th"]);
    const linked = await line<{ richMenuId: string }>(`/v2/bot/user/${english}/richmenu`);
    expect(linked.richMenuId).toBe(menuOf["main-en"]);
  });

  it("uploads a picture per language, drawn at LINE's full rich-menu size", async () => {
    const { aliases } = await line<{ aliases: { richMenuAliasId: string; richMenuId: string }[] }>(
      "/v2/bot/richmenu/alias/list",
    );
    const images = await Promise.all(
      aliases.map(a => line<Buffer>(`/v2/bot/richmenu/${a.richMenuId}/content`)),
    );
    for (const image of images) expect(imageSize(image)).toEqual({ width: 2500, height: 843 });
    expect(images[0]!.equals(images[1]!)).toBe(false);
  });

  it("sets the webhook and reports LINE's test call, failing when the webhook is unreachable", async () => {
    const ok = await setupLine(stack.webhookUrl);
    expect(ok.stdout).toContain("test call succeeded (200 OK)");
    const endpoint = await line<{ endpoint: string }>("/v2/bot/channel/webhook/endpoint");
    expect(endpoint.endpoint).toBe(stack.webhookUrl);

    const dead = await setupLine("http://127.0.0.1:9/webhook");
    expect(dead).toHaveProperty("code", 1);
    expect(dead.stdout).toContain("FAILED");
  });
});

describe("npm run seed", { timeout: 120_000 }, () => {
  it("loads the demo province into the chosen project, the same on a second run", async () => {
    const seed = () =>
      run(
        "npm",
        [
          "run",
          "seed",
          "--silent",
          "--",
          "--project",
          stack.projectId,
          "--emulator",
          stack.firestoreHost,
        ],
        { cwd: REPO_ROOT },
      );
    await seed();
    const routing = await db.collection("routing").doc("50").get();
    expect(routing.data()?.staff?.length).toBeGreaterThan(0);
    const staff = await db.collection("users").where("role", "==", "staff").get();
    const volunteers = await db.collection("users").where("role", "==", "volunteer").get();
    expect(volunteers.size).toBeGreaterThan(0);
    expect((await db.collection("duty").doc("50").get()).exists).toBe(true);
    await seed();
    expect((await db.collection("users").where("role", "==", "staff").get()).size).toBe(staff.size);
  });
});
