import { Markdown } from "@/components/markdown";
import type { ReferenceBody, ReferenceOperation } from "../reference";
import { Example, SchemaFields } from "./schema-fields";
import { cardClass } from "@/components/ui/card";

const methodStyle: Record<string, string> = {
  GET: "bg-sky-100 text-sky-900 ring-sky-300",
  POST: "bg-emerald-100 text-emerald-900 ring-emerald-300",
  PUT: "bg-amber-100 text-amber-900 ring-amber-300",
  PATCH: "bg-amber-100 text-amber-900 ring-amber-300",
  DELETE: "bg-red-100 text-red-900 ring-red-300",
};

export function MethodBadge({ method }: { method: string }) {
  return (
    <span className={`inline-block w-14 shrink-0 rounded px-1.5 py-0.5 text-center font-mono text-xs font-bold ring-1 ring-inset ${methodStyle[method] ?? ""}`}>
      {method}
    </span>
  );
}

function Body({ body, title }: { body: ReferenceBody; title: string }) {
  return (
    <div className="space-y-2">
      <SchemaFields rows={body.rows} label={title} />
      <Example json={body.example} label={`Example (${body.contentType})`} />
    </div>
  );
}

export function OperationCard({ operation }: { operation: ReferenceOperation }) {
  const { id, method, path, requestBody } = operation;
  return (
    <article id={id} aria-labelledby={`${id}-title`} className={cardClass("sm", "scroll-mt-4 space-y-4 sm:p-5")}>
      <div className="space-y-2">
        <h3 id={`${id}-title`} className="flex flex-wrap items-center gap-2 font-mono text-base font-semibold">
          <MethodBadge method={method} />
          <span className="break-all">{path}</span>
        </h3>
        {operation.summary && <Markdown text={operation.summary} className="text-slate-800" />}
        {operation.description && <Markdown text={operation.description} className="text-slate-700" />}
        <p className="text-xs text-slate-600">{operation.needsToken ? "Needs a bearer token: Authorization: Bearer <token>." : "No token needed."}</p>
      </div>
      {operation.parameters.length > 0 && (
        <section className="space-y-2">
          <h4 className="text-sm font-semibold text-slate-900">Parameters</h4>
          <SchemaFields
            label={`Parameters of ${method} ${path}`}
            rows={operation.parameters.map((p) => ({
              name: p.name,
              type: `${p.in}, ${p.schema?.type ?? "string"}`,
              required: p.required ?? false,
              description: p.description,
              rules: [],
            }))}
          />
        </section>
      )}
      {requestBody && (
        <section className="space-y-2">
          <h4 className="text-sm font-semibold text-slate-900">
            Request body{requestBody.schemaName && <span className="font-normal text-slate-600"> · {requestBody.schemaName}</span>}
            {!requestBody.required && <span className="font-normal text-slate-600"> · optional</span>}
          </h4>
          <Body body={requestBody} title={`Request body of ${method} ${path}`} />
        </section>
      )}
      <section className="space-y-2">
        <h4 className="text-sm font-semibold text-slate-900">Responses</h4>
        <ul className="space-y-1">
          {operation.responses.map((response) => (
            <li key={response.status} className="text-sm">
              {response.body ? (
                <details className="group rounded-md border border-slate-200">
                  <summary className="cursor-pointer px-3 py-1.5 hover:bg-slate-50">
                    <ResponseLine status={response.status} description={response.description} note={response.body.schemaName ?? response.body.contentType} />
                  </summary>
                  <div className="border-t border-slate-200 p-3">
                    <Body body={response.body} title={`Response ${response.status} of ${method} ${path}`} />
                  </div>
                </details>
              ) : (
                <p className="px-3 py-1.5">
                  <ResponseLine status={response.status} description={response.description} />
                </p>
              )}
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}

function ResponseLine({ status, description, note }: { status: string; description: string; note?: string }) {
  const tone = status.startsWith("2") ? "text-emerald-800" : status.startsWith("4") ? "text-amber-800" : "text-red-800";
  return (
    <>
      <span className={`font-mono font-bold ${tone}`}>{status}</span> <span className="text-slate-800">{description}</span>
      {note && <span className="text-xs text-slate-500"> · {note}</span>}
    </>
  );
}
