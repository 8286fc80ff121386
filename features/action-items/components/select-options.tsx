/** The options of a select, after an empty first choice (`none`) when there is one. */
export function SelectOptions({ options, none }: { options: readonly { value: string; label: string }[]; none?: string }) {
  return (
    <>
      {none !== undefined && <option value="">{none}</option>}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </>
  );
}
