import type { ReactNode } from "react";
import { LocalTime } from "./local-time";
import { PanelTableHead } from "./panel-table-head";

/** The amber notice a form shows when a save was refused because someone else saved first. */
export function SavedFirstNotice(props: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={props.id} className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-5 text-sm text-amber-950">
      <h2 id={props.id} className="text-base font-semibold">
        {props.title}
      </h2>
      {props.children}
    </section>
  );
}

/** "Saved by X at <time>." as far as it is known. */
export function SavedBy(props: { by?: string | null; at: string | null }) {
  if (!props.at) return <>Saved by someone else.</>;
  return (
    <>
      Saved
      {props.by ? (
        <>
          {" "}
          by <strong>{props.by}</strong>
        </>
      ) : null}{" "}
      at <LocalTime iso={props.at} />.
    </>
  );
}

/** Each setting as it is now beside the user's own value, which the form kept; a differing value of theirs in bold. */
export function NowAndYoursTable(props: { caption: string; rows: { name: string; now: string; yours: string }[]; firstWidth?: string }) {
  return (
    <table className={`w-full text-left ${props.firstWidth ? "table-fixed" : ""}`}>
      <caption className="sr-only">{props.caption}</caption>
      <PanelTableHead columns={["Setting", "Now", "Yours"]} tone="text-amber-800" firstWidth={props.firstWidth} />
      <tbody>
        {props.rows.map(({ name, now, yours }) => (
          <tr key={name} className="border-t border-amber-200 align-top">
            <th scope="row" className="py-1 pr-3 font-medium">
              {name}
            </th>
            <td className="py-1 pr-3 [overflow-wrap:anywhere]">{now}</td>
            <td className={`py-1 [overflow-wrap:anywhere] ${now === yours ? "" : "font-semibold"}`}>{yours}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
