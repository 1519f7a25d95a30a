"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";

const LINKS: { href: string; label: MessageKey }[] = [
  { href: "/analysis/new", label: "nav.newAnalysis" },
  { href: "/tasks", label: "nav.tasks" },
  { href: "/datasets", label: "nav.datasets" },
  { href: "/schedules", label: "nav.schedules" },
];

export function NavLinks() {
  const t = useT();
  const pathname = usePathname();
  return (
    <nav aria-label={t("nav.label")} className="flex flex-wrap gap-1">
      {LINKS.map(({ href, label }) => {
        const active = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <Link
            key={href}
            href={href}
            aria-current={active ? "page" : undefined}
            className={`rounded-md px-3 py-1.5 text-sm font-medium ${
              active
                ? "bg-indigo-50 text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300"
                : "text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
            }`}
          >
            {t(label)}
          </Link>
        );
      })}
    </nav>
  );
}
