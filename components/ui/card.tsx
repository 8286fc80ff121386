import type { HTMLAttributes } from "react";

export type CardPadding = "none" | "sm" | "md";

const PADDING: Record<CardPadding, string> = { none: "", sm: "p-4", md: "p-5" };

/** The classes of a white card: a bordered, lightly shadowed box. */
export function cardClass(padding: CardPadding = "md", extra?: string): string {
  return ["rounded-lg border border-slate-200 bg-white shadow-sm", PADDING[padding], extra].filter(Boolean).join(" ");
}

type CardProps = HTMLAttributes<HTMLElement> & { as?: "div" | "section" | "article" | "aside"; padding?: CardPadding };

/** A white card; `as="section"` (with an aria-label) makes it a landmark. */
export function Card({ as: Element = "div", padding, className, ...props }: CardProps) {
  return <Element className={cardClass(padding, className)} {...props} />;
}
