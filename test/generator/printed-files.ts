/**
 * The printed TypeScript files of a package, as the writer gets them before formatting (header
 * left out): ts-morph's (2 spaces a level) and TypeScript's printer's src/openapi.ts (4).
 */
import { packageEmitters } from '../../generator/emit/package-sources.ts';
import type { ApiModel } from '../../generator/model/types.ts';
import { printSourceFile } from '../../generator/write/print.ts';

export function printedFiles(model: ApiModel): {
  path: string;
  text: string;
  indent: number;
  inPrettierForm?: ReadonlySet<string>;
}[] {
  return packageEmitters(model).flatMap((emitter) =>
    emitter
      .emit()
      .filter((file) => file.path.endsWith('.ts') && file.format !== false)
      .map((file) =>
        'statements' in file
          ? {
              path: file.path,
              text: printSourceFile(file),
              indent: 2,
              ...(file.inPrettierForm === undefined ? {} : { inPrettierForm: file.inPrettierForm }),
            }
          : { path: file.path, text: file.text, indent: 4 },
      ),
  );
}
