"use client";

import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { formatCount } from "@/lib/figure-text";
import { guessMapping, type ImportField, type ImportResult } from "../fields";
import { readFileHeaders } from "../header-record";
import { mappingParameter, problemTotal, refusalPlace, sendImport, type ImportRefusal } from "../import-request";
import { ColumnMapping } from "./column-mapping";
import { DryRunReport, ImportOutcome } from "./import-report";
import { RefusalNotice } from "./refusal-notice";

type Picked = { file: File; headers: string[] } | { file: File; problem: string };

/**
 * Pick a file, map its columns, check it, import it. The import is offered only after a clean
 * check of this very file with this very mapping: any change to either sets the check aside.
 */
export function CsvImport() {
  const [picked, setPicked] = useState<Picked | null>(null);
  const [fields, setFields] = useState<(ImportField | null)[]>([]);
  const [check, setCheck] = useState<ImportResult | null>(null);
  const [outcome, setOutcome] = useState<ImportResult | null>(null);
  const [refusal, setRefusal] = useState<ImportRefusal | null>(null);
  const [pending, setPending] = useState<"check" | "import" | null>(null);
  // Bumped on every change of file or mapping: an answer to an older request is dropped. While a
  // request runs, the file and the columns are locked, so an import's outcome is never dropped.
  const revision = useRef(0);

  const setAside = () => {
    revision.current++;
    setCheck(null);
    setOutcome(null);
    setRefusal(null);
    setPending(null);
  };

  const pickFile = async (file: File | undefined) => {
    setAside();
    if (!file) return setPicked(null);
    const asked = revision.current;
    const record = await readFileHeaders(file);
    if (asked !== revision.current) return;
    if ("problem" in record) {
      setPicked({ file, problem: record.problem });
      return;
    }
    setPicked({ file, headers: record.headers });
    setFields(guessMapping(record.headers));
  };

  const mapColumn = (column: number, field: ImportField | null) => {
    setAside();
    setFields((current) => current.map((f, i) => (i === column ? field : f)));
  };

  const send = async (dryRun: boolean) => {
    if (!picked || !("headers" in picked)) return;
    const asked = ++revision.current;
    setRefusal(null);
    setOutcome(null);
    setPending(dryRun ? "check" : "import");
    const answer = await sendImport(picked.file, mappingParameter(picked.headers, fields), dryRun);
    if (asked !== revision.current) return;
    setPending(null);
    if (!answer.ok) return setRefusal(answer.refusal);
    if (dryRun) setCheck(answer.report);
    else {
      setOutcome(answer.report);
      setCheck(null);
    }
  };

  const headers = picked && "headers" in picked ? picked.headers : null;
  const place = refusal ? refusalPlace(refusal) : null;
  const cleanCheck = check !== null && problemTotal(check) === 0;
  const toImport = cleanCheck ? check.imported : null;
  return (
    <div className="space-y-6">
      <section aria-label="File" className="space-y-2 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <label htmlFor="import-file" className="block text-sm font-medium text-slate-800">
          CSV file
        </label>
        <input
          id="import-file"
          type="file"
          accept=".csv,text/csv"
          aria-describedby="import-file-hint"
          disabled={pending !== null}
          onChange={(event) => void pickFile(event.target.files?.[0])}
          className={`${inputClass} file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-2 file:py-1 file:text-sm file:font-semibold`}
        />
        <p id="import-file-hint" className="text-xs text-slate-500">
          Its first line names the columns. Only that line is read until you check the file.
        </p>
        {picked && "problem" in picked && (
          <p role="alert" className="text-sm font-medium text-red-700">
            {picked.problem}
          </p>
        )}
        {refusal && place === "file" && <RefusalNotice refusal={refusal} />}
      </section>

      {headers && (
        <section aria-labelledby="import-mapping-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <div>
            <h2 id="import-mapping-title" className="text-base font-semibold text-slate-900">
              Columns
            </h2>
            <p className="text-xs text-slate-500">
              Each column of the file and the field it fills. Columns of our own export are recognised; check the others.
            </p>
          </div>
          {refusal && place === "mapping" && <RefusalNotice refusal={refusal} id="import-mapping-refusal" />}
          <ColumnMapping
            headers={headers}
            fields={fields}
            onChange={mapColumn}
            disabled={pending !== null}
            describedBy={refusal && place === "mapping" ? "import-mapping-refusal" : undefined}
          />
          <div className="flex flex-wrap items-center gap-3">
            <Button variant="secondary" size="lg" disabled={pending !== null} onClick={() => void send(true)}>
              {pending === "check" ? "Checking…" : "Check file"}
            </Button>
            <Button size="lg" disabled={!cleanCheck || pending !== null || toImport === 0} onClick={() => void send(false)}>
              {pending === "import"
                ? "Importing…"
                : toImport === null
                  ? "Import incidents"
                  : `Import ${formatCount(toImport)} ${toImport === 1 ? "incident" : "incidents"}`}
            </Button>
            {!cleanCheck && !outcome && <p className="text-xs text-slate-500">Import is offered after a check with no problems.</p>}
          </div>
          {refusal && place === "actions" && <RefusalNotice refusal={refusal} />}
        </section>
      )}

      {check && picked && <DryRunReport report={check} fileName={picked.file.name} />}
      {outcome && <ImportOutcome report={outcome} />}
    </div>
  );
}
