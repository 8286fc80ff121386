import type { Metadata } from "next";
import Link from "next/link";
import { SiteHeader } from "@/components/site-header";
import { currentSessionUser } from "@/lib/auth/current-actor";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Ops Review", template: "%s · Ops Review" },
  description: "Incidents, postmortems and the weekly operations review.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const user = await currentSessionUser();
  return (
    <html lang="en">
      <body className="min-h-screen">
        <a
          href="#main"
          className="sr-only z-50 rounded-md bg-white px-4 py-2 text-sm font-semibold text-indigo-700 shadow focus:not-sr-only focus:absolute focus:left-4 focus:top-3 print:hidden"
        >
          Skip to main content
        </a>
        <SiteHeader user={user && { email: user.email, role: user.role }} />
        <main id="main" className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
          {children}
        </main>
        <footer className="mx-auto max-w-7xl border-t border-slate-200 px-4 py-4 text-sm text-slate-500 sm:px-6 print:hidden">
          <Link href="/api-docs" className="hover:text-indigo-700">
            API reference
          </Link>
        </footer>
      </body>
    </html>
  );
}
