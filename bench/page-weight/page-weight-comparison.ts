import crypto from "node:crypto";
import zlib from "node:zlib";
import type { Comparison, ComparisonResult } from "../comparison";
import { barChart } from "../report/bar-chart";
import { startApp } from "../support/app-server";
import { bytes } from "../support/format";
import { HttpSession, registerAndSignIn } from "../support/http-session";

/** The task center, and the sign-in page as the framework's baseline. */
const PAGES = [
  { path: "/tasks", label: "Task center (`/tasks`, signed in)", signedIn: true },
  { path: "/signin", label: "Sign-in page (`/signin`, signed out), for reference", signedIn: false },
];

interface Size {
  raw: number;
  gzip: number;
}

interface JsFile extends Size {
  url: string;
  /** `<script nomodule>`: legacy browsers only; modern ones neither fetch nor run it. */
  legacy: boolean;
}

interface Weight {
  files: JsFile[];
  inline: Size;
  html: Size;
}

export const pageWeightComparison: Comparison = {
  name: "page-weight",
  title: "Page weight: first-load JS of the task center",
  method: [
    "The production build (`scripts/start.ts`, Turbopack) serves the page; first-load JS is every JavaScript file its HTML names",
    "(`<script src>`, `<link rel=preload>` and the client chunks in the inline RSC payload — the same files as the build manifests'",
    "root main files and the page's entry chunks), fetched from the server, less `nomodule` polyfills, which modern browsers skip",
    "(listed apart). Inline scripts (the RSC payload and bootstrap) and the HTML document are also listed apart.",
    "Gzip sizes are `gzip -9` of each file.",
  ].join(" "),

  async run(options): Promise<ComparisonResult> {
    const app = await startApp({ log: options.log });
    try {
      const signedIn = await registerAndSignIn(app.baseUrl, `bench-weight-${crypto.randomBytes(3).toString("hex")}@example.com`);
      const weights = new Map<string, Weight>();
      for (const page of PAGES) weights.set(page.path, await weigh(page.signedIn ? signedIn : new HttpSession(app.baseUrl), page.path));
      const tasks = weights.get("/tasks")!;
      return {
        tables: [
          {
            title: "First-load JS",
            columns: ["Page", "JS files", "JS raw", "JS gzip", "nomodule polyfills raw / gzip", "Inline scripts raw / gzip", "HTML raw / gzip"],
            rows: PAGES.map(({ path, label }) => {
              const w = weights.get(path)!;
              const js = firstLoad(w);
              const files = String(w.files.filter((f) => !f.legacy).length);
              return [label, files, bytes(js.raw), `**${bytes(js.gzip)}**`, pair(total(w.files.filter((f) => f.legacy))), pair(w.inline), pair(w.html)];
            }),
          },
          {
            title: "Task center: JS files, largest first",
            columns: ["File", "Raw", "Gzip"],
            rows: [...tasks.files]
              .sort((a, b) => b.gzip - a.gzip)
              .map((f) => [`\`${f.url.replace(/^\/_next\/static\//, "")}\`${f.legacy ? " (nomodule, not counted)" : ""}`, bytes(f.raw), bytes(f.gzip)]),
          },
        ],
        charts: [
          {
            file: "page-weight.svg",
            title: "First-load JS",
            spec: barChart({
              title: "First-load JS in kB (lower is better)",
              axis: "kB",
              bars: PAGES.flatMap(({ path }) => {
                const js = firstLoad(weights.get(path)!);
                return [
                  { label: path, series: "raw", value: js.raw / 1024 },
                  { label: path, series: "gzip", value: js.gzip / 1024 },
                ];
              }),
            }),
          },
        ],
        notes: [],
      };
    } finally {
      await app.stop();
    }
  },
};

async function weigh(session: HttpSession, path: string): Promise<Weight> {
  const res = await session.request(path);
  const html = await res.text();
  if (res.status !== 200) throw new Error(`GET ${path}: HTTP ${res.status}`);
  // Script tags, preload links and the client chunks named in the inline RSC payload.
  const urls = new Set([...html.matchAll(/\/_next\/static\/[^"'\s\\<>]+?\.js/g)].map((m) => m[0]));
  if (urls.size === 0) throw new Error(`GET ${path}: the HTML names no JavaScript file`);
  const legacy = new Set(
    [...html.matchAll(/<script\b[^>]*\bnomodule\b[^>]*>/gi)].map((m) => /\bsrc="([^"?]+)/.exec(m[0])?.[1]).filter((src) => src !== undefined),
  );
  const files: JsFile[] = [];
  for (const url of urls) {
    const file = await session.request(url);
    if (file.status !== 200) throw new Error(`GET ${url}: HTTP ${file.status}`);
    files.push({ url, legacy: legacy.has(url), ...size(Buffer.from(await file.arrayBuffer())) });
  }
  const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join("");
  return { files, inline: size(Buffer.from(inline)), html: size(Buffer.from(html)) };
}

const size = (content: Buffer): Size => ({ raw: content.length, gzip: zlib.gzipSync(content, { level: 9 }).length });
const total = (sizes: Size[]): Size => sizes.reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });
const firstLoad = (w: Weight) => total(w.files.filter((f) => !f.legacy));
const pair = ({ raw, gzip }: Size) => `${bytes(raw)} / ${bytes(gzip)}`;
