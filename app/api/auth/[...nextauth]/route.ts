import NextAuth from "next-auth";
import { authOptions } from "@/app/_server/auth-options";

export const dynamic = "force-dynamic";

const handler = (request: Request, context: { params: Promise<{ nextauth: string[] }> }) =>
  NextAuth(request as never, context as never, authOptions());

export { handler as GET, handler as POST };
