import type { OAuthConfig } from "next-auth/providers/oauth";
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { ROLES, type Role } from "./permissions";

// An empty variable counts as unset.
const unsetIfEmpty = <T extends z.ZodType>(type: T) => z.preprocess((v) => (v === "" ? undefined : v), type);
const schema = z.object({
  OIDC_ISSUER: unsetIfEmpty(z.url().optional()),
  OIDC_CLIENT_ID: unsetIfEmpty(z.string().optional()),
  OIDC_CLIENT_SECRET: unsetIfEmpty(z.string().optional()),
  OIDC_NAME: unsetIfEmpty(z.string().default("Single sign-on")),
  OIDC_DEFAULT_ROLE: unsetIfEmpty(z.enum(ROLES).default("VIEWER")),
});

type OidcProfile = { sub: string; email?: string; name?: string; email_verified?: boolean };

/** Single sign-on through any OpenID Connect provider, when its three variables are set. */
export function oidcProvider(): OAuthConfig<OidcProfile> | null {
  const env = schema.parse(process.env);
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) return null;
  return {
    id: "oidc",
    name: env.OIDC_NAME,
    type: "oauth",
    wellKnown: `${env.OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    profile: (profile) => ({ id: profile.sub, email: profile.email ?? null, name: profile.name ?? null }),
  };
}

export const oidcDefaultRole = (): Role => schema.parse(process.env).OIDC_DEFAULT_ROLE;

/**
 * The local user for a single sign-on identity: found by the linked account or by e-mail,
 * or created with the configured default role. Null when the user is deactivated.
 */
export async function userForOidcIdentity(db: Database, identity: { subject: string; email: string; name: string | null }) {
  const linked = await db.account.findUnique({
    where: { provider_providerAccountId: { provider: "oidc", providerAccountId: identity.subject } },
    include: { user: true },
  });
  const email = identity.email.trim().toLowerCase();
  const user = linked?.user ?? (await db.user.upsert({ where: { email }, update: {}, create: { email, name: identity.name, role: oidcDefaultRole() } }));
  if (!linked) await db.account.create({ data: { userId: user.id, type: "oauth", provider: "oidc", providerAccountId: identity.subject } });
  return user.active ? user : null;
}
