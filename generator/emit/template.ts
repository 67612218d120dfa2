/**
 * Static templates under `templates/` with `{{placeholder}}`s. Values are inserted as given, so
 * the caller escapes them for the template's language (JSON templates take JSON literals).
 */
import { readFileSync } from 'node:fs';

const TEMPLATES_URL = new URL('../../templates/', import.meta.url);

export function readTemplate(relativePath: string): string {
  return readFileSync(new URL(relativePath, TEMPLATES_URL), 'utf8');
}

/** Replaces every `{{name}}`; a placeholder without a value is a bug in the generator, not in the spec. */
export function fillTemplate(
  template: string,
  values: Readonly<Record<string, string>>,
  name = 'template',
): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_whole, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`${name}: no value for placeholder {{${key}}}`);
    return value;
  });
}
