import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { apiContentSecurityPolicy, staticSecurityHeaders } from "./lib/http/security-headers";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Packages with WebAssembly or native-style loading stay outside the bundle.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "pg", "@prisma/adapter-pg", "nodemailer", "exceljs", "pino", "pdfkit"],
  typedRoutes: true,
  // The public JSON API skips proxy.ts (no page, no nonce: a registration
  // rush pays for every step per request) and gets its headers here.
  async headers() {
    // HSTS is not here: it depends on APP_URL at run time (scripts/start.ts adds it).
    const security = staticSecurityHeaders();
    return [
      {
        source: "/api/v1/:path*",
        headers: [{ key: "Content-Security-Policy", value: apiContentSecurityPolicy }, ...Object.entries(security).map(([key, value]) => ({ key, value }))],
      },
      {
        // The upload's answer is a redirect or a short text: nothing to run or frame.
        source: "/organisation/materialien/hochladen",
        headers: [{ key: "Content-Security-Policy", value: apiContentSecurityPolicy }, ...Object.entries(security).map(([key, value]) => ({ key, value }))],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
