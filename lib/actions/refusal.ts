// A server action refused for want of a session or a role is thrown to the page's error
// boundary. Next.js hides a server error's message from the browser but keeps a digest the
// error already has, so these digests tell the error page which refusal it is.
export const REFUSED_ACTION_DIGEST = {
  signedOut: "ops-review:action-refused:signed-out",
  forbidden: "ops-review:action-refused:forbidden",
} as const;

export type RefusedActionDigest = (typeof REFUSED_ACTION_DIGEST)[keyof typeof REFUSED_ACTION_DIGEST];

export const refusedActionDigestOf = (digest: string | undefined): RefusedActionDigest | null =>
  digest === REFUSED_ACTION_DIGEST.signedOut || digest === REFUSED_ACTION_DIGEST.forbidden ? digest : null;
