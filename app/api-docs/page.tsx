import type { Metadata } from "next";
import { Markdown } from "@/components/markdown";
import { MethodBadge, OperationCard } from "@/features/api-docs/components/operation-card";
import { openApiDocument } from "@/features/api-docs/openapi";
import { apiReference, parseOpenApiDocument } from "@/features/api-docs/reference";
import { cardClass } from "@/components/ui/card";

export const metadata: Metadata = { title: "API reference" };

/** The HTTP API, read from the same OpenAPI document /api/v1/openapi.json serves; public like it. */
export default function ApiReferencePage() {
  const document = parseOpenApiDocument(JSON.parse(JSON.stringify(openApiDocument())));
  const groups = apiReference(document);
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">API reference</h1>
        {document.info.description && <Markdown text={document.info.description} className="text-slate-700" />}
        <p className="text-sm text-slate-600">
          Version {document.info.version}. An administrator mints tokens on the API tokens page; each acts with its role. The same document, as OpenAPI 3.1
          JSON:{" "}
          <a href="/api/v1/openapi.json" className="font-semibold text-indigo-700 underline">
            /api/v1/openapi.json
          </a>
          .
        </p>
      </div>
      <nav aria-label="Operations" className={cardClass("sm")}>
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {groups.map((group) => (
            <li key={group.id} className="space-y-1">
              <a href={`#${group.id}`} className="text-sm font-semibold text-slate-900 hover:text-indigo-700">
                {group.name}
              </a>
              <ul className="space-y-1">
                {group.operations.map((operation) => (
                  <li key={operation.id}>
                    <a href={`#${operation.id}`} className="flex items-center gap-2 text-sm text-slate-700 hover:text-indigo-700">
                      <MethodBadge method={operation.method} />
                      <span className="font-mono text-xs break-all">{operation.path}</span>
                    </a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </nav>
      {groups.map((group) => (
        <section key={group.id} aria-labelledby={group.id} className="space-y-3">
          <h2 id={group.id} className="scroll-mt-4 text-lg font-semibold text-slate-900">
            {group.name}
          </h2>
          {group.operations.map((operation) => (
            <OperationCard key={operation.id} operation={operation} />
          ))}
        </section>
      ))}
    </div>
  );
}
