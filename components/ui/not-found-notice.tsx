import Link from "next/link";

/** The body of a 404 page: what was not found, why, and where to go instead. */
export function NotFoundNotice(props: { title: string; children: React.ReactNode; links: { href: string; label: string }[] }) {
  return (
    <div className="mx-auto max-w-xl space-y-3 rounded-lg border border-slate-200 bg-white p-6">
      <h1 className="text-lg font-semibold [overflow-wrap:anywhere]">{props.title}</h1>
      <p className="text-sm text-slate-700 [overflow-wrap:anywhere]">{props.children}</p>
      <p className="flex flex-wrap gap-x-4 gap-y-1">
        {props.links.map((link) => (
          <Link key={link.href} href={link.href} className="text-sm font-semibold text-indigo-700 hover:underline">
            {link.label}
          </Link>
        ))}
      </p>
    </div>
  );
}
