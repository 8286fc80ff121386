import Link from "next/link";
import { Fragment, type ReactNode } from "react";

/** Where a page sits: links to the pages above it, separated by " / ", then what it is within the last, if anything, as text. */
export function Breadcrumbs(props: { links: { href: string; label: ReactNode }[]; here?: ReactNode }) {
  return (
    <p className="text-sm text-slate-500">
      {props.links.map((link, i) => (
        <Fragment key={link.href}>
          {i > 0 && " / "}
          <Link href={link.href} className="hover:text-indigo-700">
            {link.label}
          </Link>
        </Fragment>
      ))}
      {props.here !== undefined && <> / {props.here}</>}
    </p>
  );
}
