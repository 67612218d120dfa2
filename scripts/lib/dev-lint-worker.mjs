// The dev server's lint (scripts/lib/dev-lint.ts), on a thread of its own: Redocly's lint of the
// whole spec takes about 0.1 s after each save, which on the main thread would hold back the next
// save's regeneration. Plain JavaScript, so that it runs in a worker under any loader.
//
// Message in: { id, spec, config, reloadConfig, cwd }; out: { id, problems, report } or { id, error }.
// `problems` are what the page lists (places relative to `cwd`, default the process's); `report` is Redocly's codeframe text for the terminal's stdout
// (colored as on the main thread: colorette looks at the process's own stdout).
import { relative } from 'node:path';
import { parentPort } from 'node:worker_threads';
import {
  BaseResolver,
  createConfig,
  formatProblems,
  getLineColLocation,
  lint,
  loadConfig,
} from '@redocly/openapi-core';

/**
 * openapi-core's own resolver (its YAML parser, its rules for what to parse), remembering the last
 * parse of each file by its exact text, so that a one-schema edit parses one file again, not all
 * of them. Parses are handed out as copies: a rule that changes a document never changes the
 * remembered one.
 */
class RememberingResolver extends BaseResolver {
  constructor(memory, config) {
    super(config);
    this.memory = memory;
  }

  parseDocument(source, isRoot = false) {
    const known = this.memory.get(source.absoluteRef);
    if (known !== undefined && known.body === source.body && known.isRoot === isRoot)
      return { source, parsed: structuredClone(known.parsed) };
    // Text that does not parse throws here, and is parsed (and reported) again next time.
    const document = super.parseDocument(source, isRoot);
    this.memory.set(source.absoluteRef, {
      body: source.body,
      isRoot,
      parsed: structuredClone(document.parsed),
    });
    return document;
  }
}

const parses = new Map();
let config;

parentPort.on('message', async ({ id, spec, configPath, reloadConfig, cwd }) => {
  try {
    if (reloadConfig) config = undefined;
    // Without a config file, Redocly's recommended rules, as `redocly lint` applies them: not a
    // redocly.yaml that happens to be in the process's working folder.
    config ??= configPath
      ? await loadConfig({ configPath })
      : await createConfig({ extends: ['recommended'] });
    const problems = withoutRefEchoes(
      once(
        await lint({
          ref: spec,
          config,
          externalRefResolver: new RememberingResolver(parses, config.resolve),
        }),
      ),
    );
    parentPort.postMessage({
      id,
      problems: problems.map((problem) => describe(problem, cwd ?? process.cwd())),
      report: report(problems),
    });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});

/**
 * The problems without repeats: Redocly reports a file that fails to parse once for every `$ref`
 * to it, with the same rule, message and place each time.
 */
function once(problems) {
  const seen = new Set();
  return problems.filter((problem) => {
    const location = problem.location[0];
    const key = JSON.stringify([
      problem.severity,
      problem.ruleId,
      problem.message,
      location?.source.absoluteRef,
      location?.pointer,
      location?.reportOnKey,
    ]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The problems without the echoes of a `$ref` that does not resolve: Redocly's example rules
 * (`no-invalid-media-type-examples`, `no-invalid-schema-examples`, …) say "Example validation
 * errored: can't resolve reference …" for every example whose schema reaches it, besides the
 * `$ref`'s own `no-unresolved-refs` problem at its place (one typo gave a page of them). While the
 * lint reports the `$ref` itself, the echoes are left out; the examples are checked once it
 * resolves. Without a `no-unresolved-refs` problem (that rule turned off) they are kept: they are
 * then the only word of it.
 */
function withoutRefEchoes(problems) {
  if (!problems.some((problem) => problem.ruleId === 'no-unresolved-refs')) return problems;
  return problems.filter(
    (problem) => !/^Example validation errored: can't resolve reference /.test(problem.message),
  );
}

/** Redocly's codeframe output for the problems (what `redocly lint` prints), as text. */
function report(problems) {
  if (problems.length === 0) return '';
  const count = (severity) => problems.filter((p) => p.severity === severity).length;
  let text = '';
  // openapi-core's logger writes the report to stdout, as `redocly lint` does.
  const write = process.stdout.write;
  process.stdout.write = (chunk) => {
    text += String(chunk);
    return true;
  };
  try {
    formatProblems(problems, {
      format: 'codeframe',
      totals: { errors: count('error'), warnings: count('warn'), ignored: 0 },
      version: '',
    });
  } finally {
    process.stdout.write = write;
  }
  return text;
}

/** A problem as the page lists it: severity, message, rule and `file:line:column`. */
function describe(problem, cwd) {
  const location = problem.location[0];
  let where = location?.source.absoluteRef ?? '';
  if (location !== undefined) {
    where = relative(cwd, where) || where;
    try {
      const { start } = getLineColLocation(location);
      where += `:${start.line}:${start.col}`;
    } catch {
      where += ` ${location.pointer}`;
    }
  }
  return { severity: problem.severity, message: problem.message, rule: problem.ruleId, where };
}
