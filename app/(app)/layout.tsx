import { redirect } from "next/navigation";
import { sessionUser } from "@/app/_server/session";
import { AppHeader } from "@/components/app-header";
import { Providers } from "@/components/providers";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await sessionUser();
  if (!user) redirect("/signin"); // the proxy already sends visitors without a session there
  return (
    <Providers>
      <AppHeader email={user.email} role={user.role} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-6 sm:py-8">
        {children}
      </main>
    </Providers>
  );
}
