"use client";

import { useState } from "react";
import { Field, inputClass } from "@/components/ui/field";
import { Markdown } from "./markdown";

type Props = {
  name: string;
  /** Distinguishes the ids of several editors of the same field name on one page. */
  id?: string;
  label: string;
  /** Controlled use: the text and its setter. Otherwise the editor keeps its own text from defaultValue. */
  value?: string;
  onChange?: (value: string) => void;
  defaultValue?: string;
  hint?: string;
  errors?: string[];
  rows?: number;
  placeholder?: string;
};

const tabClass = "rounded px-2 py-0.5 text-xs font-semibold text-slate-600 hover:bg-slate-100 aria-pressed:bg-slate-200 aria-pressed:text-slate-900";

/**
 * A markdown textarea with a preview rendered exactly as readers will see it (sanitised). The
 * textarea stays in the form while previewing, so the text is always submitted.
 */
export function MarkdownEditor(props: Props) {
  const [ownValue, setOwnValue] = useState(props.defaultValue ?? "");
  const [previewing, setPreviewing] = useState(false);
  const value = props.value ?? ownValue;
  const setValue = (next: string) => (props.onChange ? props.onChange(next) : setOwnValue(next));
  const hint = props.hint
    ? `${props.hint} Markdown: **bold**, _italic_, lists, [links](https://…).`
    : "Markdown: **bold**, _italic_, lists, [links](https://…).";
  return (
    <Field name={props.id ?? props.name} label={props.label} hint={hint} errors={props.errors}>
      {(aria) => (
        <div className="mt-1 rounded-md border border-slate-200 bg-slate-50 p-1">
          <div className="flex gap-1 pb-1">
            <button type="button" className={tabClass} aria-pressed={!previewing} onClick={() => setPreviewing(false)}>
              Write<span className="sr-only"> {props.label.toLowerCase()}</span>
            </button>
            <button type="button" className={tabClass} aria-pressed={previewing} onClick={() => setPreviewing(true)}>
              Preview<span className="sr-only"> {props.label.toLowerCase()}</span>
            </button>
          </div>
          <textarea
            {...aria}
            name={props.name}
            rows={props.rows ?? 4}
            value={value}
            placeholder={props.placeholder}
            onChange={(event) => setValue(event.target.value)}
            hidden={previewing}
            className={`${inputClass} mt-0`}
          />
          {previewing && (
            <div role="region" aria-label={`${props.label} preview`} className="min-h-16 rounded-md border border-slate-200 bg-white px-3 py-2">
              <Markdown text={value} empty="Nothing to preview yet." />
            </div>
          )}
        </div>
      )}
    </Field>
  );
}
