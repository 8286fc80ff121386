import { createElement, type ReactNode } from "react";
import { parseMarkdown, type MarkdownBlock, type MarkdownInline } from "./markdown-parse";

/**
 * User markdown as React elements. Nothing the user typed becomes HTML: every character is a
 * text node React escapes, and links go only to http, https and mailto addresses. Works in
 * server and client components alike (no hooks).
 */
export function Markdown({ text, empty = "Nothing written yet.", className }: { text: string | null | undefined; empty?: string; className?: string }) {
  const blocks = parseMarkdown(text ?? "");
  if (blocks.length === 0) return <p className={`text-sm text-slate-400 ${className ?? ""}`}>{empty}</p>;
  return <div className={`space-y-2 text-sm leading-relaxed break-words ${className ?? ""}`}>{blocks.map(renderBlock)}</div>;
}

function renderBlock(block: MarkdownBlock, key: number): ReactNode {
  switch (block.type) {
    case "paragraph":
      return <p key={key}>{renderInlines(block.children)}</p>;
    case "heading":
      // User headings sit inside the page's own sections, so they start two levels down.
      return createElement(
        `h${Math.min(6, block.level + 2)}`,
        { key, className: block.level === 1 ? "text-base font-semibold" : "font-semibold" },
        renderInlines(block.children),
      );
    case "code":
      return (
        <pre key={key} className="overflow-x-auto rounded bg-slate-100 p-3 font-mono text-xs">
          <code data-language={block.language ?? undefined}>{block.value}</code>
        </pre>
      );
    case "list": {
      const items = block.items.map((item, index) => <li key={index}>{renderInlines(item)}</li>);
      return block.ordered ? (
        <ol key={key} start={block.start === 1 ? undefined : block.start} className="list-decimal space-y-1 pl-5">
          {items}
        </ol>
      ) : (
        <ul key={key} className="list-disc space-y-1 pl-5">
          {items}
        </ul>
      );
    }
  }
}

function renderInlines(nodes: MarkdownInline[]): ReactNode[] {
  return nodes.map(renderInline);
}

function renderInline(node: MarkdownInline, key: number): ReactNode {
  switch (node.type) {
    case "text":
      return node.value;
    case "break":
      return <br key={key} />;
    case "code":
      return (
        <code key={key} className="rounded bg-slate-100 px-1 font-mono text-[0.85em]">
          {node.value}
        </code>
      );
    case "strong":
      return <strong key={key}>{renderInlines(node.children)}</strong>;
    case "em":
      return <em key={key}>{renderInlines(node.children)}</em>;
    case "link":
      return (
        <a key={key} href={node.href} rel="noopener noreferrer nofollow" target="_blank" className="text-indigo-700 underline">
          {renderInlines(node.children)}
        </a>
      );
  }
}
