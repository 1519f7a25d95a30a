import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { THEME_SCRIPT } from "@/components/ui/theme";
import { I18nProvider } from "@/lib/i18n/client";
import { localeTag } from "@/lib/i18n/locales";
import { getLocale, getT } from "@/lib/i18n/server";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: "Tandem", description: t("shell.description") };
}

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f8fafc" },
    { media: "(prefers-color-scheme: dark)", color: "#020617" },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  // The page's CSP nonce (proxy.ts): without it the browser would refuse this inline script.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang={localeTag(locale)} suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <I18nProvider locale={locale}>{children}</I18nProvider>
      </body>
    </html>
  );
}
