import type { ImportRefusal } from "../import-request";

/** A refused request's detail and the messages of each field it names, where the page shows what it names. */
export function RefusalNotice({ refusal, id }: { refusal: ImportRefusal; id?: string }) {
  return (
    <div id={id} role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 [overflow-wrap:anywhere]">
      <p className="font-medium">{refusal.detail}</p>
      {refusal.fields.length > 0 && (
        <ul className="mt-1 list-disc pl-5">
          {refusal.fields.map(({ field, messages }) => (
            <li key={field}>
              {field}: {messages.join("; ")}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
