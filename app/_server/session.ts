import { getServerSession } from "next-auth";
import type { SessionUser } from "@/lib/http/route-wrapper";
import { authOptions } from "./auth-options";

export type { SessionUser };

/** The signed-in user of the current request (pages, layouts, route handlers), or null. */
export async function sessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions());
  return session?.user?.id ? session.user : null;
}
