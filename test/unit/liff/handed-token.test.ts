import { describe, expect, it } from "vitest";
import { handedIdTokenIn } from "../../../liff/src/liff/handed-token";
import { idTokenClaims } from "../../../liff/src/liff/id-token-claims";

/** A JWT as LINE's are shaped (base64url parts); only its claims matter here. */
function jwt(claims: object): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part({ alg: "ES256", typ: "JWT" })}.${part(claims)}.c2lnbmF0dXJl`;
}

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
    expect(idTokenClaims("not-a-jwt")).toBeUndefined();
    expect(idTokenClaims(jwt({ sub: 42 }))).toEqual({});
  });
});

describe("index.html's inline script", () => {
  it("should run the app's own functions for the handed token, from their source text", () => {
    // What vite.config.ts writes into index.html: the same function, rebuilt from its text.
    const inline = new Function(`return ${handedIdTokenIn.toString()}`)() as typeof handedIdTokenIn;
    const token = jwt({ sub: "U1" });
    expect(inline("", `#id_token=${token}`)).toBe(token);
    expect(inline("?liff.state=%2Fcases", `#id_token=${token}`)).toBeNull();
  });
});
