/**
 * A titled white panel. `named` makes it a landmark region named by its title; form sections
 * stay unnamed so that their title never competes with a field's label.
 */
export function Panel(props: { title: string; note?: string; named?: boolean; children: React.ReactNode }) {
  return (
    <section aria-label={props.named ? props.title : undefined} className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <div>
        <h2 className="text-base font-semibold text-slate-900">{props.title}</h2>
        {props.note && <p className="text-xs text-slate-500">{props.note}</p>}
      </div>
      {props.children}
    </section>
  );
}
