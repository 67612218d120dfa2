/**
 * The client's name (`claimClientName`), and the names `src/client.ts` exports besides the client
 * class: its options interface, the response guards' table, `pathsClient`, and the public runtime
 * (reserved-names.ts `CLIENT_RUNTIME_EXPORTS`). These are claimed last, in the model's one NameRegistry, so a schema, resource or operation type
 * keeps its name and a runtime name it already has is exported as `<Client><name>`
 * (`Page` → `GigsPage`).
 */
import type { Warnings } from '../warnings.ts';
import {
  CLIENT_RUNTIME_EXPORTS,
  MODULE_TYPE_NAMES,
  OPENAPI_TS_ROOT_NAMES,
} from '../reserved-names.ts';
import { JS_GLOBALS } from './js-globals.ts';
import { pascalCase, type NameRegistry } from './names.ts';
import type { ClientExports } from './types.ts';

const RUNTIME_NAMES: ReadonlySet<string> = new Set(CLIENT_RUNTIME_EXPORTS.map(([, name]) => name));

/**
 * The client's name, claimed right after the schemas' (build.ts). It never takes a name the package
 * exports for something else: a schema's, a type of the guards or dates modules, or one of the
 * public runtime (`APIError`, `Page`, `ClientOptions`, …), which would otherwise be exported as
 * `<Client><name>` (`APIErrorAPIError`) while the README and the runtime's own docs name it as it
 * is. Such a name gets `Client` appended, as a JavaScript global's does (sdk-names.ts `exportName`):
 * `APIError` → `APIErrorClient`. When the name is the spec's own `x-sdk.clientName`, a warning says
 * so (an error with `--strict`).
 */
export function claimClientName(
  names: NameRegistry,
  settings: { clientName: string; clientNameGiven: string | undefined },
  report: { file: string; warnings: Warnings },
): string {
  const wanted = settings.clientName;
  const taken = names.has(wanted) || RUNTIME_NAMES.has(wanted);
  const name = names.claim(taken ? `${wanted}Client` : wanted);
  const given = settings.clientNameGiven;
  if (given === undefined) {
    // Named after `info.title`. A name the package itself has (`Page`, `Map`) is taken for good,
    // silently; one the spec took (a schema `Names` in the API "Names") moved the package's main
    // export, and removing that schema moves it back: each a breaking change, so say so at it.
    const holder = name === wanted ? undefined : names.holder(wanted);
    if (holder !== undefined)
      report.warnings.add(
        'client-name',
        `${holder.what} takes the name \`${wanted}\` the client has from \`info.title\`, so the client is \`${name}\`: code that imports \`${wanted}\` gets the spec's type instead`,
        { file: report.file, pointer: holder.pointer },
        `${holder.fix}, or set \`x-sdk.clientName\` (\`clientName: ${name}\` keeps the name the client has now)`,
      );
    return name;
  }
  const asked = pascalCase(given.replace(/['\u2019]/g, ''));
  if (name === asked) return name;
  report.warnings.add(
    'client-name',
    `the client cannot be named \`${asked}\`: ${takenBy(asked)}, so the client is \`${name}\``,
    { file: report.file, pointer: '#/x-sdk/clientName' },
    `choose a \`clientName\` that no other export of the package has (\`clientName: ${name}\` keeps the name it has now)`,
  );
  return name;
}

/** Why the client cannot have `name`, in words. */
function takenBy(name: string): string {
  if (RUNTIME_NAMES.has(name)) return `the package exports the client runtime's \`${name}\``;
  if (MODULE_TYPE_NAMES.includes(name))
    return `the package exports the guards' or dates' \`${name}\``;
  if ((OPENAPI_TS_ROOT_NAMES as readonly string[]).includes(name))
    return `the package exports openapi-typescript's \`${name}\``;
  if (JS_GLOBALS.has(name)) return 'it is a JavaScript global, which importing it would shadow';
  return `the schema \`${name}\` has it`;
}

/**
 * The names `src/client.ts` exports besides the client class. A runtime export whose name the spec
 * took (a schema `NotFoundError`) is exported as `<Client><name>`, with a warning at what took it:
 * code that names the runtime's (`error instanceof NotFoundError`) gets the spec's type instead,
 * and a class that becomes a type only breaks it, so a spec edit that adds such a schema must not
 * do it silently (`npm run diff` rates it major: scripts/lib/diff/sdk.ts).
 */
export function buildClientExports(
  names: NameRegistry,
  clientName: string,
  report: { file: string; warnings: Warnings },
): ClientExports {
  const options = names.claim(`${clientName}Options`);
  const responseGuards = names.claim('responseGuards');
  const pathsClient = names.claim('pathsClient');
  const runtime = CLIENT_RUNTIME_EXPORTS.map(([module, name, typeOnly]) => {
    if (!names.has(name)) return { module, name, exportedAs: names.claim(name), typeOnly };
    const exportedAs = names.claim(`${clientName}${name}`);
    const holder = names.holder(name);
    if (holder !== undefined)
      report.warnings.add(
        'runtime-name',
        `${holder.what} takes the name of the client runtime's ${typeOnly ? 'type' : 'class'} \`${name}\`, so the package exports the runtime's as \`${exportedAs}\`: code that names \`${name}\`${typeOnly ? '' : ` (\`error instanceof ${name}\`)`} gets the spec's type instead`,
        { file: report.file, pointer: holder.pointer },
        `${holder.fix}, so that the runtime's \`${name}\` keeps its name`,
      );
    return { module, name, exportedAs, typeOnly };
  });
  return { options, responseGuards, pathsClient, runtime };
}
