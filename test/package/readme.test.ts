/**
 * The code users copy: every TypeScript block of the README that ships in the tarball, and the
 * TypeScript SDK sample the docs site shows for each operation (generator/emit/code-samples.ts),
 * type-checked with `tsc --strict` against the installed package, as a user's project would.
 *
 * A README block may use a `client` it does not create (the one from "Configure"): such a block
 * gets `declare const client: <Client>;` in front. Each block is its own ES module, so top-level
 * `await` works as it does in a user's module.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { codeSamples } from '../../generator/emit/code-samples.ts';
import type { ApiModel } from '../../generator/model/types.ts';
import { loadModel } from '../../scripts/lib/code-samples.ts';
import { SPEC_FILE } from '../helpers/spec.ts';
import { consumerSubfolder, packedPackage, type PackedPackage } from './helpers/packed-package.ts';
import { consumerTsc } from './helpers/consumer-tsc.ts';

interface Block {
  /** 1-based line of the block's first code line in README.md. */
  line: number;
  code: string;
}

/** The ```ts blocks of a Markdown text. */
function typescriptBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== '```ts') continue;
    const end = lines.indexOf('```', i + 1);
    expect(end, `the block opened at README.md:${i + 1} is closed`).toBeGreaterThan(i);
    blocks.push({ line: i + 2, code: lines.slice(i + 1, end).join('\n') });
    i = end;
  }
  return blocks;
}

interface CheckedFile {
  name: string;
  text: string;
  /** Where the code came from, for messages: `README.md:123`, `docs sample of GET /plans`. */
  origin: string;
  /** Lines added in front of the code (so tsc's line numbers can be mapped back). */
  prelude: number;
}

/** Type-checks `files` in one tsc program; returns tsc's messages with each file named by its origin. */
async function typeCheck(dir: string, files: CheckedFile[]): Promise<string[]> {
  for (const file of files) await writeFile(join(dir, file.name), file.text);
  const result = await consumerTsc(
    dir,
    files.map((file) => file.name),
    { noEmit: true },
  );
  if (result.code === 0) return [];
  const byName = new Map(files.map((file) => [file.name, file]));
  // One message per diagnostic (its continuation lines are indented).
  return result.stdout
    .trim()
    .split(/\n(?=\S)/)
    .map((message) =>
      message.replace(
        /^([\w.-]+)\((\d+),(\d+)\)/,
        (whole, name: string, line: string, column: string) => {
          const file = byName.get(name);
          return file === undefined
            ? whole
            : `${file.origin} (line ${Number(line) - file.prelude} of the block, column ${column})`;
        },
      ),
    );
}

let packed: PackedPackage;
let model: ApiModel;
let readme: string;
let blocks: Block[];
/** tsc's messages for the README blocks and the docs samples, checked together in one program. */
let messages: string[];

/** The README's blocks as modules: a block that uses `client` without making one gets it declared. */
function readmeFiles(): CheckedFile[] {
  const declareClient = `declare const client: import('${packed.name}').${model.sdk.clientName};\n`;
  return blocks.map((block, index): CheckedFile => {
    const ownClient = /\b(?:const|let) client\b/.test(block.code);
    return {
      name: `readme-${String(index + 1).padStart(2, '0')}.ts`,
      text: `${ownClient ? '' : declareClient}${block.code}\nexport {};\n`,
      origin: `README.md:${block.line}`,
      prelude: ownClient ? 0 : 1,
    };
  });
}

function sampleFiles(): CheckedFile[] {
  return codeSamples(model).map(({ method, path, samples: [sample] }, index) => ({
    name: `sample-${String(index + 1).padStart(2, '0')}.ts`,
    text: `${sample!.source}\nexport {};\n`,
    origin: `docs sample of ${method.toUpperCase()} ${path}`,
    prelude: 0,
  }));
}

beforeAll(async () => {
  [packed, model] = await Promise.all([packedPackage(), loadModel(SPEC_FILE)]);
  readme = await readFile(
    join(packed.consumerDir, 'node_modules', packed.name, 'README.md'),
    'utf8',
  );
  blocks = typescriptBlocks(readme);
  messages = await typeCheck(await consumerSubfolder(packed, 'readme'), [
    ...readmeFiles(),
    ...sampleFiles(),
  ]);
});

describe('the README in the tarball', () => {
  it('has a block for every operation, and every section a user looks for', () => {
    for (const resource of model.resources) {
      for (const operation of resource.operations) {
        const call = `client.${resource.name}.${operation.sdk.method}(`;
        expect(
          blocks.some((block) => block.code.includes(call)),
          `a README block calls ${call}`,
        ).toBe(true);
      }
    }
    const headings = readme.split('\n').filter((line) => line.startsWith('## '));
    expect(headings).toEqual(
      expect.arrayContaining(
        [
          'Install',
          'Configure',
          'Quick start',
          'Operations',
          'Pagination',
          'Errors',
          'Retries',
          'Idempotency',
          'Timeouts and cancellation',
          'Raw responses',
          'Response validation',
          'Type guards',
          'Dates',
          'Logging',
          'Typed path client',
          'Testing your code',
        ].map((title) => `## ${title}`),
      ),
    );
    expect(readme).toContain(`npm install ${packed.name}`);
    for (const variable of [
      `${model.sdk.envPrefix}_TOKEN`,
      `${model.sdk.envPrefix}_BASE_URL`,
      ...model.sdk.clientOptions.map((option) => option.envVar),
    ]) {
      expect(readme).toContain(variable);
    }
  });

  it('type-checks every TypeScript block with tsc --strict against the installed package', () => {
    expect(blocks.length).toBeGreaterThan(model.operations.length);
    expect(messages.filter((message) => !message.startsWith('docs sample'))).toEqual([]);
  });
});

describe('the docs site code samples', () => {
  it('are complete programs, one per operation, that type-check with tsc --strict against the installed package', () => {
    const samples = codeSamples(model);
    expect(samples.map(({ method, path }) => `${method} ${path}`)).toEqual(
      model.resources.flatMap((r) => r.operations.map((o) => `${o.method} ${o.path}`)),
    );
    for (const {
      samples: [sample],
    } of samples) {
      expect(sample?.source).toContain(`from '${packed.name}'`);
      expect(sample?.source).toContain(`const client = new ${model.sdk.clientName}(`);
    }
    expect(messages.filter((message) => message.startsWith('docs sample'))).toEqual([]);
  });
});
