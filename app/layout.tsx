import type { Metadata } from "next";
import Link from "next/link";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Ops Review", template: "%s · Ops Review" },
  description: "Incidents, postmortems and the weekly operations review.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <header className="border-b border-slate-200 bg-white print:hidden">
          <nav aria-label="Main" className="mx-auto flex max-w-6xl items-center gap-6 px-6 py-3">
            <Link href="/incidents" className="text-lg font-bold tracking-tight text-indigo-700">
              Ops Review
            </Link>
            <Link href="/incidents" className="text-sm font-medium text-slate-700 hover:text-indigo-700">
              Incidents
            </Link>
            <Link href="/incidents/new" className="ml-auto rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-indigo-500">
              File an incident
            </Link>
          </nav>
        </header>
        <main className="mx-auto max-w-6xl px-6 py-8">{children}</main>
      </body>
    </html>
  );
}
