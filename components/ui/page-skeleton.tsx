const block = "animate-pulse rounded-lg border border-slate-200 bg-white motion-reduce:animate-none";

/**
 * The place of a page while the server reads its data: a title bar and a few grey blocks,
 * no figures. Screen readers hear "Loading…"; the blocks are hidden from them.
 */
export function PageSkeleton({ blocks = 3, grid = false }: { blocks?: number; grid?: boolean }) {
  return (
    <div aria-busy="true" className="space-y-5">
      <p role="status" className="sr-only">
        Loading…
      </p>
      <div aria-hidden className="space-y-2">
        <div className="h-8 w-64 max-w-full animate-pulse rounded bg-slate-200 motion-reduce:animate-none" />
        <div className="h-4 w-96 max-w-full animate-pulse rounded bg-slate-200 motion-reduce:animate-none" />
      </div>
      <div aria-hidden className={grid ? "grid gap-4 lg:grid-cols-2" : "space-y-4"}>
        {Array.from({ length: blocks }, (_, index) => (
          <div key={index} className={`${block} ${grid ? "h-72" : "h-40"}`} />
        ))}
      </div>
    </div>
  );
}
