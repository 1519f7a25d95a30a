import { withSession } from "@/app/_server/with-session";

export const dynamic = "force-dynamic";

/** The signed-in user: `{ id, email, name, role }`; 401 JSON without a session. */
export const GET = withSession(({ user }) =>
  Response.json({ id: user.id, email: user.email, name: user.name ?? null, role: user.role }, { headers: { "Cache-Control": "private, no-store" } }),
);
