"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useRef, useState } from "react";
import { SignOutButton } from "@/components/sign-out-button";
import { buttonClass } from "@/components/ui/button";

export type NavLink = { href: string; label: string };
type Account = { email: string; role: string; canFileIncident: boolean; links: NavLink[] };

/** The link of the section a path belongs to: the longest one it starts with. */
const currentHref = (links: NavLink[], pathname: string) =>
  links
    .filter((link) => pathname === link.href || pathname.startsWith(`${link.href}/`))
    .reduce<string | null>((best, link) => (best && best.length >= link.href.length ? best : link.href), null);

const linkStyle =
  "block rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-indigo-700 aria-[current=page]:text-indigo-700 xl:p-0 xl:hover:bg-transparent";

/**
 * The main navigation. From xl up every link sits on one line; below, a Menu button
 * discloses them. The menu belongs to the page it was opened on, so following a link closes it.
 */
export function SiteNav({ account }: { account: Account | null }) {
  const pathname = usePathname();
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const menuButton = useRef<HTMLButtonElement>(null);
  const current = account ? currentHref(account.links, pathname) : null;

  const closeOnEscape = (event: React.KeyboardEvent) => {
    if (event.key !== "Escape" || !open) return;
    setOpenOn(null);
    menuButton.current?.focus();
  };

  return (
    <nav aria-label="Main" onKeyDown={closeOnEscape} className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3 sm:px-6">
      <Link href="/dashboard" className="text-lg font-bold tracking-tight text-indigo-700">
        Ops Review
      </Link>
      {account && (
        <>
          <button
            ref={menuButton}
            type="button"
            aria-expanded={open}
            aria-controls="main-menu"
            onClick={() => setOpenOn(open ? null : pathname)}
            className="ml-auto inline-flex items-center gap-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm font-semibold text-slate-800 hover:bg-slate-50 xl:hidden"
          >
            <span aria-hidden="true">{open ? "✕" : "☰"}</span>
            Menu
          </button>
          <div id="main-menu" className={`${open ? "flex" : "hidden"} w-full flex-col gap-3 xl:flex xl:w-auto xl:flex-1 xl:flex-row xl:items-center`}>
            <ul className="grid grid-cols-2 gap-1 sm:grid-cols-3 xl:flex xl:gap-x-3">
              {account.links.map((link) => (
                <li key={link.href}>
                  <Link
                    href={link.href}
                    onClick={() => setOpenOn(null)}
                    aria-current={link.href === current ? "page" : undefined}
                    className={`${linkStyle} whitespace-nowrap`}
                  >
                    {link.label}
                  </Link>
                </li>
              ))}
            </ul>
            <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-3 xl:ml-auto xl:border-0 xl:pt-0">
              {account.canFileIncident && (
                <Link href="/incidents/new" onClick={() => setOpenOn(null)} className={buttonClass("primary", "md", "whitespace-nowrap")}>
                  File an incident
                </Link>
              )}
              <span className="flex min-w-0 items-center gap-1.5 text-sm text-slate-600" aria-label="Signed in as" title={account.email}>
                {/* Beside the links on a laptop the e-mail would wrap the line: there it is the role's tooltip. */}
                <span className="min-w-0 [overflow-wrap:anywhere] xl:sr-only 2xl:not-sr-only 2xl:max-w-40 2xl:truncate">{account.email}</span>
                <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-semibold text-slate-700">{account.role}</span>
              </span>
              <SignOutButton />
            </div>
          </div>
        </>
      )}
    </nav>
  );
}
