import type { Metadata } from "next";
import Link from "next/link";
import { SignOutButton } from "@/features/auth/components/sign-out-button";
import { currentSessionUser } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Ops Review", template: "%s · Ops Review" },
  description: "Incidents, postmortems and the weekly operations review.",
};

const navLink = "text-sm font-medium text-slate-700 hover:text-indigo-700";

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const user = await currentSessionUser();
  return (
    <html lang="en">
      <body className="min-h-screen">
        <header className="border-b border-slate-200 bg-white print:hidden">
          <nav aria-label="Main" className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-3 gap-y-2 px-4 py-3 sm:px-6">
            <Link href="/dashboard" className="text-lg font-bold tracking-tight text-indigo-700">
              Ops Review
            </Link>
            {user && (
              <>
                <Link href="/dashboard" className={navLink}>
                  Dashboard
                </Link>
                <Link href="/executive" className={navLink}>
                  Executive summary
                </Link>
                <Link href="/incidents" className={navLink}>
                  Incidents
                </Link>
                <Link href="/changes" className={navLink}>
                  Changes
                </Link>
                <Link href="/reviews" className={navLink}>
                  Reviews
                </Link>
                <Link href="/action-items" className={navLink}>
                  Action items
                </Link>
                <Link href="/action-items/mine" className={navLink}>
                  My action items
                </Link>
                <Link href="/services" className={navLink}>
                  Services
                </Link>
              </>
            )}
            {user && can(user.role, "user:manage") && (
              <Link href="/admin/users" className={navLink}>
                Users
              </Link>
            )}
            {user && can(user.role, "token:manage") && (
              <Link href="/admin/tokens" className={navLink}>
                API tokens
              </Link>
            )}
            {user && can(user.role, "settings:manage") && (
              <Link href="/admin/settings" className={navLink}>
                Settings
              </Link>
            )}
            <div className="ml-auto flex flex-wrap items-center justify-end gap-x-3 gap-y-2">
              {user && can(user.role, "incident:create") && (
                <Link href="/incidents/new" className="whitespace-nowrap rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-indigo-500">
                  File an incident
                </Link>
              )}
              {user && (
                <>
                  <span className="flex items-center gap-1.5 text-sm text-slate-600" aria-label="Signed in as" title={user.email}>
                    <span className="max-w-32 truncate">{user.email}</span>
                    <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-semibold text-slate-700">{user.role}</span>
                  </span>
                  <SignOutButton />
                </>
              )}
            </div>
          </nav>
        </header>
        <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6">{children}</main>
      </body>
    </html>
  );
}
