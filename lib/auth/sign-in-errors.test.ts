import { describe, expect, it } from "vitest";
import { GENERIC_SIGN_IN_MESSAGE, SIGN_IN_ERROR, signInErrorMessage, throttledCode } from "./sign-in-errors";

describe("signInErrorMessage", () => {
  it("words each known code in the app's own words", () => {
    expect(signInErrorMessage("CredentialsSignin")).toBe("Wrong e-mail or password.");
    expect(signInErrorMessage(SIGN_IN_ERROR.unavailable)).toMatch(/unavailable right now/);
    expect(signInErrorMessage(SIGN_IN_ERROR.deactivated)).toBe("This account is deactivated.");
    expect(signInErrorMessage("OAuthCallback")).toMatch(/Single sign-on did not complete/);
    expect(signInErrorMessage(throttledCode(15))).toBe("Too many failed sign-ins. Try again in 15 minutes.");
    expect(signInErrorMessage(throttledCode(1))).toBe("Too many failed sign-ins. Try again in 1 minute.");
  });

  it("says nothing without a code, or when the page only asks for a sign-in", () => {
    expect(signInErrorMessage(undefined)).toBeNull();
    expect(signInErrorMessage("")).toBeNull();
    expect(signInErrorMessage("SessionRequired")).toBeNull();
  });

  it("never shows text from the link: anything else gets the generic message", () => {
    for (const code of [
      "<script>alert(1)</script>",
      "Your account is locked: call +1 555 0100 to unlock it",
      "SignInThrottled:15 <b>now</b>",
      "SignInThrottled:99999",
      "toString",
      "__proto__",
      "constructor",
    ]) {
      expect(signInErrorMessage(code), code).toBe(GENERIC_SIGN_IN_MESSAGE);
    }
  });
});
