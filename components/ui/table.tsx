import type { ReactNode, ThHTMLAttributes } from "react";

/** The box a wide table scrolls in, so that the page itself never scrolls sideways. */
export function TableBox({ children, label }: { children: ReactNode; label?: string }) {
  return (
    <div
      className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm"
      role={label ? "region" : undefined}
      aria-label={label}
      tabIndex={label ? 0 : undefined}
    >
      {children}
    </div>
  );
}

/** A table's header row: small capitals on a grey band. */
export function TableHead({ children, sticky = false }: { children: ReactNode; sticky?: boolean }) {
  return (
    <thead className={`${sticky ? "sticky top-0 " : ""}bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600`}>
      <tr>{children}</tr>
    </thead>
  );
}

type HeaderCellProps = ThHTMLAttributes<HTMLTableCellElement> & { align?: "left" | "right" };

/** A column header; figures are right-aligned, so their header is too. */
export function HeaderCell({ align = "left", className, scope = "col", ...props }: HeaderCellProps) {
  const classes = ["px-3 py-2", align === "right" ? "text-right" : undefined, className].filter(Boolean).join(" ");
  return <th scope={scope} className={classes} {...props} />;
}
