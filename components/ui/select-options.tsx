/**
 * The options of a `<select>`: first the empty choice when there is one (e.g. "All teams", or a
 * disabled "Choose a team" prompt), then one option a value.
 */
export function SelectOptions(props: { empty?: string; emptyDisabled?: boolean; options: readonly { value: string; label: string }[] }) {
  return (
    <>
      {props.empty !== undefined && (
        <option value="" disabled={props.emptyDisabled}>
          {props.empty}
        </option>
      )}
      {props.options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </>
  );
}
