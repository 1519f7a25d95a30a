/*
 * The Next.js adapter of lib/http/route-wrapper.ts: sessions come from next-auth
 * (getServerSession), rate limits are counted in the app's database.
 *
 *   export const POST = withSession(
 *     async ({ user, body }) => Response.json(await createThing(getDatabase().db, user, body), { status: 201 }),
 *     { body: createThingSchema, rateLimit: { name: "things:create", limit: 30, windowMs: 60_000 } },
 *   );
 */
import { getDatabase } from "@/lib/db/client";
import { createRouteWrappers } from "@/lib/http/route-wrapper";
import { sessionUser } from "./session";

export type { HandlerArgs, RouteHandler, SessionUser } from "@/lib/http/route-wrapper";

export const { withSession, withoutSession } = createRouteWrappers({
  currentUser: () => sessionUser(),
  db: () => getDatabase().db,
});
