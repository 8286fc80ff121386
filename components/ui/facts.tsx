/** A card of a record's page: a white box with a small caps title. */
export function Card(props: { title: string; id?: string; className?: string; children: React.ReactNode }) {
  return (
    <section
      id={props.id}
      aria-label={props.id ? props.title : undefined}
      className={`min-w-0 rounded-lg border border-slate-200 bg-white p-5 shadow-sm ${props.className ?? ""}`}
    >
      <h2 className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-600">{props.title}</h2>
      {props.children}
    </section>
  );
}

/** Name and value pairs; a long value (a URL) wraps inside its column. */
export function Facts({ rows }: { rows: [string, React.ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
      {rows.map(([name, value]) => (
        <div key={name} className="contents">
          <dt className="text-slate-500">{name}</dt>
          <dd className="min-w-0 [overflow-wrap:anywhere]">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
