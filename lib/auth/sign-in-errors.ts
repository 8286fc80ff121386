// The sign-in page shows a message for an error code in its URL (`?error=`, set by next-auth
// or by our own callbacks) and for the code a refused sign-in answers with. Only these words
// are ever shown: a link cannot put its own text on the page.

/** Codes our own sign-in code sends, beside next-auth's. */
export const SIGN_IN_ERROR = {
  /** next-auth's code for refused credentials; our authorize uses it for a wrong e-mail or password too. */
  wrongCredentials: "CredentialsSignin",
  unavailable: "SignInUnavailable",
  noEmailFromProvider: "OidcNoEmail",
  deactivated: "AccountDeactivated",
} as const;

const THROTTLED = /^SignInThrottled:(\d{1,4})$/;

/** The code for a sign-in refused by throttling, carrying the minutes to wait. */
export const throttledCode = (minutes: number) => `SignInThrottled:${Math.max(1, Math.min(9999, Math.ceil(minutes)))}`;

const SSO_FAILED = "Single sign-on did not complete. Try again, or sign in with your e-mail and password.";

const MESSAGES: Record<string, string> = {
  [SIGN_IN_ERROR.wrongCredentials]: "Wrong e-mail or password.",
  [SIGN_IN_ERROR.unavailable]: "Sign-in is unavailable right now; try again in a minute.",
  [SIGN_IN_ERROR.noEmailFromProvider]: "The identity provider did not share an e-mail address.",
  [SIGN_IN_ERROR.deactivated]: "This account is deactivated.",
  // next-auth's own codes (https://next-auth.js.org/configuration/pages#error-codes)
  OAuthSignin: SSO_FAILED,
  OAuthCallback: SSO_FAILED,
  OAuthCreateAccount: SSO_FAILED,
  OAuthAccountNotLinked: SSO_FAILED,
  Callback: SSO_FAILED,
  AccessDenied: "You may not sign in with this account.",
  Configuration: "Sign-in is not set up correctly on the server; tell the operators.",
};

/** Shown for a code we do not know: whatever the link says, it is not shown. */
export const GENERIC_SIGN_IN_MESSAGE = "Sign-in did not complete; try again.";

/**
 * The message for an error code, or null when there is nothing to say (no code, or
 * "SessionRequired": being asked to sign in is what the page is for).
 */
export function signInErrorMessage(code: string | null | undefined): string | null {
  if (!code || code === "SessionRequired") return null;
  const throttled = THROTTLED.exec(code);
  if (throttled) {
    const minutes = Number(throttled[1]);
    return `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
  }
  return Object.hasOwn(MESSAGES, code) ? MESSAGES[code]! : GENERIC_SIGN_IN_MESSAGE;
}
