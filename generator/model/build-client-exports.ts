/**
 * The names `src/client.ts` exports besides the client class: its options interface, the response
 * guards' table, `pathsClient`, and the public runtime (reserved-names.ts `CLIENT_RUNTIME_EXPORTS`).
 * They are claimed last, in the model's one NameRegistry, so a schema, resource or operation type
 * keeps its name and a runtime name it already has is exported as `<Client><name>`
 * (`Page` → `GigsPage`).
 */
import { CLIENT_RUNTIME_EXPORTS } from '../reserved-names.ts';
import type { NameRegistry } from './names.ts';
import type { ClientExports } from './types.ts';

export function buildClientExports(names: NameRegistry, clientName: string): ClientExports {
  const options = names.claim(`${clientName}Options`);
  const responseGuards = names.claim('responseGuards');
  const pathsClient = names.claim('pathsClient');
  const runtime = CLIENT_RUNTIME_EXPORTS.map(([module, name, typeOnly]) => ({
    module,
    name,
    exportedAs: names.has(name) ? names.claim(`${clientName}${name}`) : names.claim(name),
    typeOnly,
  }));
  return { options, responseGuards, pathsClient, runtime };
}
