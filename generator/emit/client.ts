/**
 * The resource-oriented client: `src/client.ts` (the client class), `src/resources/<resource>.ts`
 * (one class per resource) and `src/resources/index.ts`; and the runtime they run on
 * (`clientRuntimeFiles`, copied from templates/runtime/). Reads the model only.
 *
 * The calling convention is the model's (generator/model/operation-shape.ts); this prints it.
 */
import { StructureKind } from 'ts-morph';
import { asciiWords, NameRegistry } from '../model/names.ts';
import type { ApiModel } from '../model/types.ts';
import { emitClientFile, type ClientResource } from './client/client-file.ts';
import { emitErrorBodyFile } from './client/error-body-file.ts';
import { emitResourceFile } from './client/resource-file.ts';
import type { EmittedSourceFile } from './types.ts';

export { clientRuntimeFiles } from './client/runtime-files.ts';

const RESOURCES_INDEX_PATH = 'src/resources/index.ts';

/** Client members a resource property must not shadow. */
const CLIENT_MEMBERS = [
  'constructor',
  'toString',
  'toJSON',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__proto__',
];

/**
 * The longest resource file name stem: far below the 255 bytes most file systems allow a name,
 * so a tag of any length gives a file the system takes (the class keeps the full name).
 */
const MAX_FILE_STEM = 64;

/**
 * File names Windows reserves for devices, with any extension (`con.ts` cannot be created or
 * checked out there): a resource named so gets another.
 */
const WINDOWS_DEVICE_NAMES = [
  'con',
  'prn',
  'aux',
  'nul',
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((n) => [`com${n}`, `lpt${n}`]),
];

export function emitClient(model: ApiModel): EmittedSourceFile[] {
  // Ranked by the resources' names (names.ts `rankClaims`), not their order: two resources that
  // make one file name (`petItems`, `pet_items`) keep theirs when the spec is reordered.
  const fileNames = new NameRegistry(['index', ...WINDOWS_DEVICE_NAMES]).claimAll(
    model.resources.map((resource) => {
      const stem = asciiWords(resource.name)
        .map((word) => word.toLowerCase())
        .join('-')
        .slice(0, MAX_FILE_STEM)
        .replace(/-+$/, '');
      return { wanted: stem || 'resource', raw: resource.name };
    }),
  );
  const properties = new NameRegistry(CLIENT_MEMBERS).claimAll(
    model.resources.map((resource) => ({ wanted: resource.name, raw: resource.name })),
  );
  const resources: (ClientResource & { path: string })[] = model.resources.map(
    (resource, index) => ({
      resource,
      property: properties[index]!,
      moduleSpecifier: `./resources/${fileNames[index]!}.js`,
      path: `src/resources/${fileNames[index]!}.ts`,
    }),
  );

  return [
    ...emitClientFile(model, resources),
    emitErrorBodyFile(model),
    ...resources.map(({ resource, path }) => emitResourceFile(resource, model, path)),
    {
      path: RESOURCES_INDEX_PATH,
      statements: resources.map(({ moduleSpecifier }) => ({
        kind: StructureKind.ExportDeclaration,
        moduleSpecifier: moduleSpecifier.replace('./resources/', './'),
      })),
    },
  ];
}
