/**
 * The header of a small table set inside a panel or an entry (a history, a conflict): no band
 * of its own, the text in the panel's tone, a gap after every column but the last.
 */
export function PanelTableHead(props: { columns: string[]; tone: string; gap?: "pr-3" | "pr-4"; firstWidth?: string }) {
  const { columns, tone, gap = "pr-3", firstWidth } = props;
  return (
    <thead className={`text-xs uppercase tracking-wide ${tone}`}>
      <tr>
        {columns.map((column, index) => {
          const classes = ["py-1 font-medium", index < columns.length - 1 ? gap : undefined, index === 0 ? firstWidth : undefined];
          return (
            <th key={column} scope="col" className={classes.filter(Boolean).join(" ")}>
              {column}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
