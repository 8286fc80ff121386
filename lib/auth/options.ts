import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { clientAddress } from "./client-address";
import { oidcProvider, userForOidcIdentity } from "./oidc";
import { sessionPolicy } from "./session-policy";
import { closeSession, openSession } from "./sessions";
import { SignInRefused, signInWithPassword } from "./sign-in";
import { SIGN_IN_ERROR } from "./sign-in-errors";

declare module "next-auth" {
  interface Session {
    /** The id of the session's row in PostgreSQL; everything else is read from there. */
    sid?: string;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
  }
}

const credentials = CredentialsProvider({
  id: "credentials",
  name: "E-mail and password",
  credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
  async authorize(input, request) {
    try {
      const user = await signInWithPassword(db, {
        email: String(input?.email ?? ""),
        password: String(input?.password ?? ""),
        clientIp: clientAddress(request?.headers),
      });
      return { id: user.id, email: user.email, name: user.name };
    } catch (error) {
      // Only a code reaches the browser, which words it (lib/auth/sign-in-errors.ts).
      if (error instanceof SignInRefused) throw new Error(error.code);
      console.error("Sign-in failed on the server", error);
      throw new Error(SIGN_IN_ERROR.unavailable);
    }
  },
});

export function authOptions(): NextAuthOptions {
  const oidc = oidcProvider();
  return {
    secret: process.env.NEXTAUTH_SECRET,
    providers: oidc ? [credentials, oidc] : [credentials],
    // The browser holds a signed token naming a session row; the row is the session.
    session: { strategy: "jwt", maxAge: Math.floor(sessionPolicy().maxMs / 1000) },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    callbacks: {
      async signIn({ user, account, profile }) {
        if (account?.provider !== "oidc") return true;
        const email = profile?.email ?? user.email;
        if (!email || !account.providerAccountId) return `/sign-in?error=${SIGN_IN_ERROR.noEmailFromProvider}`;
        const local = await userForOidcIdentity(db, { subject: account.providerAccountId, email, name: user.name ?? null });
        if (!local) return `/sign-in?error=${SIGN_IN_ERROR.deactivated}`;
        user.id = local.id;
        await db.auditEvent.create({
          data: {
            action: "auth.sign_in",
            method: "UI",
            actorUserId: local.id,
            actorLabel: local.email,
            entityType: "User",
            entityId: local.id,
            changes: { provider: "oidc" },
          },
        });
        return true;
      },
      async jwt({ token, user }) {
        if (user) token.sid = await openSession(db, user.id);
        return token;
      },
      async session({ session, token }) {
        return { expires: session.expires, sid: token.sid };
      },
    },
    events: {
      async signOut({ token }) {
        if (token?.sid) await closeSession(db, token.sid);
      },
    },
  };
}
