import NextAuth from "next-auth";
import { authOptions } from "@/app/_server/auth-options";
import { withSigninRateLimitStatus } from "@/lib/auth/signin-rate-limit-status";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ nextauth: string[] }> };

const handler = (request: Request, context: Context): Promise<Response> => NextAuth(request as never, context as never, authOptions());

export const GET = handler;

export async function POST(request: Request, context: Context): Promise<Response> {
  return withSigninRateLimitStatus(await handler(request, context));
}
