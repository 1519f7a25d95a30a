import { withoutSession } from "@/app/_server/with-session";
import { registrationSchema } from "@/lib/auth/credentials-schema";
import { registerWithLimit } from "@/lib/auth/register-with-limit";
import { getDatabase } from "@/lib/db/client";
import { clientIp } from "@/lib/http/client-ip";

export const dynamic = "force-dynamic";

// 201 with the new user; 400 not JSON, 409 email taken, 422 invalid fields (which password rule), 429 too many from this address.
export const POST = withoutSession(
  async ({ request, body }) => {
    const user = await registerWithLimit(getDatabase().db, body, { ip: clientIp(request.headers) });
    return Response.json(user, { status: 201 });
  },
  { body: registrationSchema },
);
