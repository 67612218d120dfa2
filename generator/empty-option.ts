/**
 * The first option given an empty value (`--spec=`, `--out ""`), as the message for it, or
 * undefined. An empty path would mean the working folder, which no option of these commands wants:
 * it is almost always a shell variable that was not set.
 */
export function emptyOptionMessage(values: Readonly<Record<string, unknown>>): string | undefined {
  const name = Object.keys(values).find((key) => values[key] === '');
  return name === undefined
    ? undefined
    : `--${name} is empty: give it a value (an unset shell variable?)`;
}
