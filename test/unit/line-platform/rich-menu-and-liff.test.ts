import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startHarness, TOKEN } from "./harness";
import type { Harness } from "./harness";

let h: Harness;

beforeEach(async () => {
  h = await startHarness({ channelId: "2000000001" });
});

afterEach(async () => {
  await h.close();
});

/** The smallest PNG header that declares the given size; the stand-in reads only the header. */
function pngOfSize(width: number, height: number): Buffer {
  const header = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header, 0);
  header.writeUInt32BE(13, 8);
  header.write("IHDR", 12, "ascii");
  header.writeUInt32BE(width, 16);
  header.writeUInt32BE(height, 20);
  return header;
}

const MENU = {
  size: { width: 2500, height: 843 },
  selected: true,
  name: "main",
  chatBarText: "เมนู",
  areas: [
    {
      bounds: { x: 0, y: 0, width: 1250, height: 843 },
      action: { type: "postback", data: "action=report", displayText: "แจ้งปัญหา" },
    },
    {
      bounds: { x: 1250, y: 0, width: 1250, height: 843 },
      action: { type: "uri", uri: "tel:1300" },
    },
  ],
};

describe("rich menu", () => {
  it("creates a rich menu, takes its image, sets it as default and shows it to the page", async () => {
    const created = await h.api("/v2/bot/richmenu", { body: MENU });
    const richMenuId = String(created.json.richMenuId);
    const withoutImage = await h.api(`/v2/bot/user/all/richmenu/${richMenuId}`, { method: "POST" });
    const upload = await fetch(`${h.line.url}/v2/bot/richmenu/${richMenuId}/content`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "image/png" },
      body: new Uint8Array(pngOfSize(2500, 843)),
    });
    const setDefault = await h.api(`/v2/bot/user/all/richmenu/${richMenuId}`, { method: "POST" });
    const list = await h.api("/v2/bot/richmenu/list");
    const shown = await h.sim("GET", "/sim/richmenu");

    expect(richMenuId).toMatch(/^richmenu-[0-9a-f]{32}$/);
    expect(withoutImage.status).toBe(400);
    expect(withoutImage.json.message).toBe("must upload richmenu image before applying it to user");
    expect(upload.status).toBe(200);
    expect(setDefault.status).toBe(200);
    expect(list.json.richmenus).toEqual([{ richMenuId, ...MENU }]);
    expect(shown.json).toMatchObject({
      richMenu: { richMenuId, chatBarText: "เมนู" },
      hasImage: true,
    });
  });

  it("rejects a rich menu whose size or chat bar text breaks LINE's limits", async () => {
    const res = await h.api("/v2/bot/richmenu", {
      body: { ...MENU, size: { width: 500, height: 843 }, chatBarText: "x".repeat(15) },
    });

    expect(res.status).toBe(400);
    expect(res.json.details.map((d: { property: string }) => d.property)).toEqual([
      "size",
      "chatBarText",
    ]);
  });

  it("deletes a rich menu and forgets it as the default", async () => {
    const { json } = await h.api("/v2/bot/richmenu", { body: MENU });

    const deleted = await h.api(`/v2/bot/richmenu/${json.richMenuId}`, { method: "DELETE" });
    const again = await h.api(`/v2/bot/richmenu/${json.richMenuId}`, { method: "DELETE" });

    expect(deleted.status).toBe(200);
    expect(again.status).toBe(404);
    expect((await h.api("/v2/bot/richmenu/list")).json.richmenus).toEqual([]);
  });
});

describe("LIFF ID tokens", () => {
  async function verify(idToken: string, clientId: string) {
    const res = await fetch(`${h.line.url}/oauth2/v2.1/verify`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ id_token: idToken, client_id: clientId }).toString(),
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  }

  it("verifies a fresh ID token issued for a simulated user", async () => {
    const userId = await h.newUser({ displayName: "มานี" });
    const { json } = await h.sim("POST", `/sim/users/${userId}/id-token`);

    const verified = await verify(String(json.idToken), "2000000001");

    expect(verified.status).toBe(200);
    expect(verified.json).toMatchObject({
      iss: "https://access.line.me",
      sub: userId,
      aud: "2000000001",
      name: "มานี",
    });
    expect(Number(verified.json.exp)).toBeGreaterThan(Date.now() / 1000);
  });

  it("rejects a token checked against another client id, an expired token and garbage", async () => {
    const userId = await h.newUser();
    const fresh = await h.sim("POST", `/sim/users/${userId}/id-token`);
    const stale = await h.sim("POST", `/sim/users/${userId}/id-token`, { expiresInSeconds: -10 });

    const wrongClient = await verify(String(fresh.json.idToken), "9999999999");
    const expired = await verify(String(stale.json.idToken), "2000000001");
    const garbage = await verify("a.b.c", "2000000001");

    expect(wrongClient).toEqual({
      status: 400,
      json: { error: "invalid_request", error_description: "Invalid IdToken Audience." },
    });
    expect(expired.json.error_description).toBe("IdToken expired.");
    expect(garbage.json.error_description).toBe("Invalid IdToken.");
  });
});

describe("chat page", () => {
  // The page is built by `npm run build` (dev/src/chat-simulator); the stand-in serves it.
  it("serves the chat simulator and its script from the stand-in itself, nothing from elsewhere", async () => {
    const res = await fetch(`${h.line.url}/`);
    const html = await res.text();

    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(html).toContain('<meta name="viewport"');
    expect(html).not.toMatch(/https?:\/\//);
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map(m => m[1]!);
    expect(assets.length).toBeGreaterThan(0);
    const bodies = await Promise.all(
      assets.map(async path => {
        expect(path).toMatch(/^\/[^/]/);
        const asset = await fetch(`${h.line.url}${path}`);
        expect(asset.status).toBe(200);
        return asset.text();
      }),
    );
    // The script plays a user through the simulator's own API.
    expect(bodies.join("\n")).toContain("/sim/users");
  });
});
