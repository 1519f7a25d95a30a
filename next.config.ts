import type { NextConfig } from "next";
import { securityHeaders } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // Native and worker-thread packages stay plain Node requires instead of being bundled.
  serverExternalPackages: ["better-sqlite3", "pg", "piscina", "pino", "@node-rs/argon2", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "tsx"],
  // A separate build directory lets several e2e servers (or a dev server) coexist in one checkout.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  async headers() {
    return securityHeaders();
  },
};

export default nextConfig;
