import { describe, expect, it } from "vitest";
import { signIdToken } from "../../../dev/src/line-platform/id-token";
import type { JsonObject } from "../../../dev/src/line-platform/state";
import { handedIdTokenIn } from "../../../liff/src/liff/handed-token";
import { idTokenClaims } from "../../../liff/src/liff/id-token-claims";

/** An ID token as the LINE stand-in hands one; the app reads its claims, never its signature. */
const jwt = (claims: JsonObject) => signIdToken(claims, "channel-secret");

describe("the ID token LINE hands an open of the app", () => {
  const token = jwt({ sub: "U1234567890abcdef1234567890abcdef", exp: 1_900_000_000 });

  it("should take the id_token from the fragment LINE opens the app with", () => {
    expect(handedIdTokenIn("", `#context_token=x&access_token=y&id_token=${token}`)).toBe(token);
  });

  it("should take none when the fragment has none (opened outside LINE)", () => {
    expect(handedIdTokenIn("", "")).toBeNull();
    expect(handedIdTokenIn("", "#access_token=y")).toBeNull();
  });

  it("should take none while LINE's liff.state redirect to a deep link is pending", () => {
    const search = `?liff.state=${encodeURIComponent("/cases/T-123")}`;
    expect(handedIdTokenIn(search, `#id_token=${token}`)).toBeNull();
  });

  it("should read whose token it is and until when, and nothing from a token that is not one", () => {
    expect(idTokenClaims(token)).toEqual({
      sub: "U1234567890abcdef1234567890abcdef",
      exp: 1_900_000_000,
    });
    // The name shows in the app's header: a Thai name must read as written, not byte by byte.
    expect(idTokenClaims(jwt({ sub: "U1", name: "อพม. สมศรี" }))).toEqual({
      sub: "U1",
      name: "อพม. สมศรี",
    });
    expect(idTokenClaims("not-a-jwt")).toBeUndefined();
    expect(idTokenClaims(jwt({ sub: 42 }))).toEqual({});
  });
});

describe("index.html's inline script", () => {
  // What vite.config.ts writes into index.html: the same functions, rebuilt from their text.
  const rebuilt = <F>(fn: F & { toString(): string }) =>
    new Function(`return ${fn.toString()}`)() as F;

  it("should run the app's own functions for the handed token, from their source text", () => {
    const handed = rebuilt(handedIdTokenIn);
    const claims = rebuilt(idTokenClaims);
    const token = jwt({ sub: "U1" });
    expect(handed("", `#id_token=${token}`)).toBe(token);
    expect(handed("?liff.state=%2Fcases", `#id_token=${token}`)).toBeNull();
    expect(claims(token)).toEqual({ sub: "U1" });
  });
});
