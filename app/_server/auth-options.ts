import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authSecret } from "@/lib/auth/secret";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { getDatabase } from "@/lib/db/client";
import { clientIp } from "@/lib/http/client-ip";
import { isCleanText } from "@/lib/http/control-characters";
import { HttpError } from "@/lib/http/errors";

/**
 * How long a session lasts without being used (SESSION_MAX_AGE_HOURS, default 24): next-auth
 * renews the token as pages are used, and refuses it once it is older than this.
 */
export function sessionMaxAgeSeconds(): number {
  const hours = Number(process.env.SESSION_MAX_AGE_HOURS);
  return Math.round((Number.isFinite(hours) && hours > 0 ? hours : 24) * 3600);
}

export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds() },
    // next-auth's own pages are never shown: its errors land on the sign-in page (?error=…).
    pages: { signIn: "/signin", signOut: "/signout", error: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          if (!credentials?.email || !credentials.password) return null;
          // No account has control characters in its email or password (registration refuses them).
          if (!isCleanText(String(credentials.email)) || !isCleanText(String(credentials.password))) return null;
          const headers = new Headers(req?.headers as Record<string, string> | undefined);
          try {
            const user = await verifyCredentials(getDatabase().db, {
              email: String(credentials.email).slice(0, 254),
              password: String(credentials.password).slice(0, 200),
              ip: clientIp(headers),
            });
            return user ? { id: user.id, email: user.email, name: user.name, role: user.role } : null;
          } catch (err) {
            // next-auth passes the message of a thrown error back to the sign-in form.
            if (err instanceof HttpError) throw new Error(err.message);
            throw err;
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.role = user.role;
        }
        return token;
      },
      session({ session, token }) {
        session.user = { id: token.uid, email: token.email ?? "", name: token.name ?? null, role: token.role };
        return session;
      },
    },
  };
}
