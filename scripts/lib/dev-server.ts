/**
 * The dev server behind `npm run dev`: the edit loop for spec authors. Watches the spec's folder; on each save it
 * regenerates the package (only files whose text changed are reported, at startup against the
 * package already in the output folder; prettier's output is
 * reused for every top-level statement printed as before), refreshes the docs page, and lints the spec with Redocly. The docs are
 * served on 127.0.0.1 and reload themselves; lint problems and generator errors show in the
 * terminal and on the page.
 *
 *   npm run dev [-- --spec spec/openapi.yaml] [--out generated] [--port 4000] [--config redocly.yaml]
 *
 * The command line is scripts/dev.ts; this module is the server it loads once its flags are read.
 *
 * The generator stays loaded between saves, so a save costs the bundle, the model, the emitters and
 * prettier on the files that changed. The page is refreshed as soon as the model is built (it
 * needs the bundled spec and the SDK code samples, not the package), then the package is written,
 * then the lint runs. A spec the generator rejects leaves `generated/` as it was (the writer only
 * ever swaps in a complete folder) and the page shows the error over the last good docs; the next
 * save that fixes it recovers by itself.
 *
 * The page renders the bundled spec with Redoc in the browser (the standalone build @redocly/cli
 * ships), with the options of `npm run docs`; `npm run docs` stays the build to publish.
 */
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, sep } from 'node:path';
import chokidar, { type FSWatcher } from 'chokidar';
import { resolveContext, type GeneratorContext } from '../../generator/context.ts';
import { GeneratorError } from '../../generator/errors.ts';
import { terminalLines } from '../../generator/escape.ts';
import type { ApiModel } from '../../generator/model/types.ts';
import { runPipeline } from '../../generator/pipeline.ts';
import { RememberingFormatter } from '../../generator/write/format-cache.ts';
import { createFormatter } from '../../generator/write/format-pool.ts';
import { StatementFormatter } from '../../generator/write/format-statements.ts';
import { STAGING_PREFIX } from '../../generator/write/owned.ts';
import { RECORD_PATH } from '../../generator/write/record.ts';
import type { RenderedTree } from '../../generator/write/render.ts';
import { REDOC_OPTIONS } from '../docs.ts';
import { docsDocument } from './code-samples.ts';
import { DOCS_CONTENT_SECURITY_POLICY, inlineAttributionLogo } from './docs-page.ts';
import { CommandError } from './command-error.ts';
import { SpecLinter, type LintEntry } from './dev-lint.ts';
import { readRegularFile } from '../../generator/write/read-regular.ts';

export interface DevOptions {
  spec: string;
  out: string;
  /** 0 picks a free port. */
  port: number;
  /** redocly.yaml for the lint; undefined lints with Redocly's recommended rules. */
  config: string | undefined;
  /** Where messages go (the terminal). */
  log: (line: string) => void;
}

/** What the page shows; `version` changes with every update. */
interface Status {
  version: number;
  /** True from a save until its regeneration and lint have finished (and no save is pending). */
  busy: boolean;
  /** Version of the docs last published (the page re-renders when it changes). */
  docsVersion: number;
  /** The generator's error, or null when the last run succeeded. */
  error: string | null;
  lint: LintEntry[];
  /**
   * The last successful run's warnings, as `npm run generate` prints them: each kind's first
   * place, how many more have its words, and every place with other words under it.
   */
  warnings: string[];
  /** Files the last successful run changed, and how long the run took. */
  sdk: { changed: string[]; ms: number } | null;
}

const SERVER_ENTRY = 'Serving the docs at';

/** `2 errors and 1 warning`: the lint's problems counted by severity. */
function lintCount(problems: readonly LintEntry[]): string {
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const others = problems.length - errors;
  return [errors > 0 ? count(errors, 'error') : '', others > 0 ? count(others, 'warning') : '']
    .filter((part) => part !== '')
    .join(' and ');
}

/** How a watched path changed, as a run's first line names it. */
type Change = 'changed' | 'added' | 'removed';

export async function startDevServer(options: DevOptions) {
  const ctx: GeneratorContext = resolveContext({ spec: options.spec, out: options.out });
  const specDir = dirname(ctx.specPath);
  const status: Status = {
    version: 0,
    busy: true,
    docsVersion: 0,
    error: null,
    lint: [],
    warnings: [],
    sdk: null,
  };
  let docs = '{}';
  let previous: RenderedTree | undefined;
  const clients = new Set<ServerResponse>();
  const require = createRequire(import.meta.url);
  let redocSource: Promise<string> | undefined;
  const redocScript = join(
    dirname(require.resolve('@redocly/cli/package.json')),
    'lib/chunks/redoc.standalone.js',
  );
  // Prettier sees one top-level statement at a time, and a statement printed the same as in the
  // previous run is not formatted again: after a one-schema edit, a few declarations are, not
  // the hundreds of kilobytes of the files they are in. Two workers share what is left.
  // Files printed as in the previous run are not even split again (the outer memory).
  const statements = new RememberingFormatter(createFormatter(2));
  const formatter = new RememberingFormatter(new StatementFormatter(statements));
  const linter = new SpecLinter(ctx.specPath, options.config);
  // redocly.yaml changed since the last lint: the next one reads it again.
  let lintReload = false;

  // The page gets everything through its event stream: the status on every change, the docs (the
  // bundled spec with code samples) when they change. It never has to ask the server, whose main
  // thread is busy emitting the package right after it sends new docs: a request would wait for
  // that, and the page would render hundreds of milliseconds later.
  const statusEvent = () => `data: ${JSON.stringify(status)}\n\n`;
  const docsEvent = () =>
    `event: docs\ndata: {"docsVersion":${status.docsVersion},"spec":${docs}}\n\n`;
  const publish = () => {
    status.version++;
    const event = statusEvent();
    for (const client of clients) client.write(event);
  };

  const regenerate = async (reason: string) => {
    const started = performance.now();
    // The first run compares with the package already on disk, so that an up-to-date folder is
    // reported as such and not as every file regenerated.
    const first = previous === undefined;
    // A folder deleted since the last run is written anew: every file, not the last run's changes.
    const missing = await stat(ctx.outDir).then(
      () => false,
      (error: NodeJS.ErrnoException) => error.code === 'ENOENT',
    );
    const before = missing ? undefined : (previous ?? (await packageOnDisk(ctx.outDir)));
    try {
      statements.startRun();
      formatter.startRun();
      const result = await runPipeline(ctx, {
        formatter,
        onModel: (model: ApiModel) => {
          const document = structuredClone(model.bundled);
          // As the built docs: the spec's HTML made safe, no image from another host.
          docsDocument(document, model);
          docs = JSON.stringify(document);
          status.docsVersion = status.version + 1;
          status.error = null;
          const event = docsEvent();
          for (const client of clients) client.write(event);
          publish();
        },
      });
      const changed = changedFiles(before, result.tree);
      previous = result.tree;
      const ms = Math.round(performance.now() - started);
      status.sdk = { changed, ms };
      status.error = null;
      status.warnings = result.model.warnings.map((warning) => warning.message);
      const out = `${relative(process.cwd(), ctx.outDir) || '.'}/`;
      const count = (n: number) => `${n} file${n === 1 ? '' : 's'}`;
      options.log(
        before === undefined
          ? first
            ? `${reason}: generated ${count(result.tree.size)} in ${out} (a new package, ${ms} ms).`
            : `${reason}: generated all ${count(result.tree.size)} in ${out} (the folder was missing, ${ms} ms).`
          : changed.length === 0
            ? first
              ? `${reason}: ${out} is up to date with ${ctx.specDisplay} (${count(result.tree.size)} checked, ${ms} ms).`
              : `${reason}: the package did not change (${ms} ms).`
            : `${reason}: regenerated ${first ? `${changed.length} of ${count(result.tree.size)}` : count(changed.length)} in ${out} (${ms} ms): ${changed.join(', ')}`,
      );
      for (const warning of status.warnings) options.log(`warning: ${warning}`);
    } catch (error) {
      status.error =
        error instanceof GeneratorError
          ? error.message
          : `internal error (a bug in the generator, not in the spec): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
      // Each problem after its own `error: `, as `npm run generate` prints them.
      const report =
        error instanceof GeneratorError ? error.report.trimEnd() : `error: ${status.error}`;
      options.log(`${reason}: the package was not regenerated (it is unchanged):\n${report}`);
    }
    publish();
  };

  const lintSpec = async () => {
    const reload = lintReload;
    lintReload = false;
    try {
      const { problems, report } = await linter.lint(reload);
      status.lint = problems;
      if (problems.length === 0) options.log('lint: no problems.');
      else {
        process.stdout.write(terminalLines(report));
        // Last, where the terminal shows it: the count, as `npm run lint:spec` ends with one.
        options.log(`lint: ${lintCount(problems)}.`);
      }
    } catch (error) {
      status.lint = [
        {
          severity: 'error',
          message: `the lint could not run: ${error instanceof Error ? error.message : String(error)}`,
          rule: 'lint',
          where: options.config ?? ctx.specDisplay,
        },
      ];
      options.log(`lint: ${status.lint[0]!.message}`);
    }
    publish();
  };

  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  // A folder appeared under the spec folder (or the spec folder itself, after a checkout or a
  // copy): the watcher is replaced before the next run. A file written while chokidar was still
  // reading a new folder can be missed by it (it takes the file's state, then starts watching);
  // a new watcher is ready only once it watches every folder, and the run after it reads every
  // file, so a write lands either before that run's read or in front of a watcher.
  let rewatch = false;
  // What changed since the last run started, in the order first seen, and how: a run names all
  // of it. A path removed and written again (an editor's save by rename) counts as changed.
  const changes = new Map<string, Change>();
  const takeChanges = () => {
    const list = [...changes];
    changes.clear();
    if (list.length > 3) {
      const rest = `${list.length - 2} more files`;
      return `${list[0]![0]}, ${list[1]![0]}, ${rest} changed`;
    }
    const verbs = new Set(list.map(([, change]) => change));
    return verbs.size === 1
      ? `${list.map(([path]) => path).join(', ')} ${list[0]![1]}`
      : list.map(([path, change]) => `${path} ${change}`).join(', ');
  };
  // Busy while a save waits for its run, a run is regenerating, or a lint is running.
  const afterRun = () => {
    status.busy = timer !== undefined || regenerations.busy || lints.busy;
    publish();
  };
  // One regeneration at a time; saves during a run coalesce into one more run after it. A save
  // during the run has its own timer pending: still busy until that runs.
  const regenerations = coalescing(
    async () => {
      if (rewatch) {
        rewatch = false;
        const old = watcher;
        watcher = await watchSpec();
        await old.close();
      }
      await regenerate(takeChanges());
      lints.request();
    },
    () => closed,
    afterRun,
  );
  // Lints run after the regeneration they follow, one at a time, beside the next regeneration
  // (on the lint's worker thread); saves during a lint coalesce into one more lint after it.
  const lints = coalescing(lintSpec, () => closed, afterRun);
  const schedule = (what: string, relint = false, change: Change = 'changed') => {
    if (closed) return;
    const seen = changes.get(what);
    changes.set(what, seen === undefined || seen === change ? change : 'changed');
    if (relint) lintReload = true;
    status.busy = true;
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      regenerations.request();
    }, 20);
  };

  const server = createServer((request, response) => {
    void serve(request, response).catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(error instanceof Error ? error.message : String(error));
    });
  });
  const serve = async (request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const noStore = { 'cache-control': 'no-store' };
    if (path === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...noStore });
      response.end(page());
    } else if (path === '/redoc.js') {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      // As the built docs (docs-page.ts): the page asks no other host for anything, not even the logo.
      redocSource ??= readFile(redocScript, 'utf8').then(inlineAttributionLogo);
      response.end(await redocSource);
    } else if (path === '/openapi.json') {
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', ...noStore });
      response.end(docs);
    } else if (path === '/status.json') {
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', ...noStore });
      response.end(JSON.stringify(status));
    } else if (path === '/events') {
      response.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        ...noStore,
        connection: 'keep-alive',
      });
      if (status.docsVersion > 0) response.write(docsEvent());
      response.write(statusEvent());
      clients.add(response);
      request.on('close', () => clients.delete(response));
    } else {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('not found');
    }
  };

  // The port first: a port in use fails at once, not after the first regeneration.
  await new Promise<void>((done, fail) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      fail(
        error.code === 'EADDRINUSE'
          ? new CommandError(
              `port ${options.port} on 127.0.0.1 is in use`,
              'stop what listens there, or pass --port <another port> (0 picks a free one)',
            )
          : error,
      ),
    );
    server.listen(options.port, '127.0.0.1', done);
  });
  await regenerate('start');
  await lintSpec();
  status.busy = false;

  // chokidar, not Node's fs.watch: Node 20's recursive watcher on Linux stops reporting a file
  // once an editor saved it by renaming a temporary file over it, and loses a folder that is
  // replaced; chokidar follows rename-over saves (its `atomic` handling, on by default).
  // The folder's parent is watched, for the spec folder alone: a replaced folder (deleted and
  // written again, a git checkout) is followed too.
  const ready = (w: FSWatcher) => new Promise<void>((done) => w.once('ready', () => done()));
  // The package may be written inside the spec's folder (`spec.yaml` and `sdk/` side by side):
  // its files and the writer's staging folder beside it are the server's own writes, not saves.
  const outStaging = join(dirname(ctx.outDir), `.${basename(ctx.outDir)}${STAGING_PREFIX}`);
  const isOutput = (path: string) =>
    path === ctx.outDir || path.startsWith(`${ctx.outDir}${sep}`) || path.startsWith(outStaging);
  const watchSpec = async () => {
    const w = chokidar.watch(dirname(specDir), {
      ignoreInitial: true,
      ignored: (path) =>
        isOutput(path) ||
        (path !== dirname(specDir) && path !== specDir && !path.startsWith(`${specDir}${sep}`)),
    });
    w.on('all', (event, path) => {
      if (event === 'addDir' && path !== dirname(specDir)) rewatch = true;
      // The spec folder's parent itself is watched too: named, not an empty path.
      const change: Change =
        event === 'unlink' || event === 'unlinkDir'
          ? 'removed'
          : event === 'add' || event === 'addDir'
            ? 'added'
            : 'changed';
      schedule(relative(process.cwd(), path) || path, false, change);
    });
    await ready(w);
    return w;
  };
  const configWatcher =
    options.config === undefined
      ? undefined
      : chokidar
          .watch(options.config, { ignoreInitial: true })
          .on('all', () => schedule('the lint config', true));
  const configReady = configWatcher && ready(configWatcher);
  let watcher = await watchSpec();
  await configReady;
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : options.port}/`;
  options.log(
    `${SERVER_ENTRY} ${url} (watching ${relative(process.cwd(), specDir) || '.'}/; Ctrl-C stops)`,
  );

  return {
    url,
    async close() {
      closed = true;
      clearTimeout(timer);
      await regenerations.idle();
      await lints.idle();
      await Promise.all([watcher.close(), configWatcher?.close(), linter.close()]);
      for (const client of clients) client.end();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

/**
 * Runs `work` one at a time: requests while it runs make one more run after it (however many
 * came), unless `stopped()`; `settled` is called when the last run has ended.
 */
function coalescing(work: () => Promise<void>, stopped: () => boolean, settled: () => void) {
  let current: Promise<void> | undefined;
  let again = false;
  return {
    get busy(): boolean {
      return current !== undefined;
    },
    /** Resolves once no run is going on. */
    idle: (): Promise<void> => current ?? Promise.resolve(),
    request(): void {
      if (current !== undefined) {
        again = true;
        return;
      }
      current = (async () => {
        do {
          again = false;
          await work();
        } while (again && !stopped());
      })().finally(() => {
        current = undefined;
        settled();
      });
    },
  };
}

/**
 * The package the generator last wrote to `outDir`, as a rendered tree: the files its generation
 * record lists (and the record itself), as they are on disk now (a file edited by hand differs, a
 * deleted one is missing). Undefined when there is no record: no package there yet.
 */
async function packageOnDisk(outDir: string): Promise<RenderedTree | undefined> {
  const record = await readRegularFile(join(outDir, RECORD_PATH));
  if (record === undefined) return undefined;
  let outputs: unknown;
  try {
    outputs = (JSON.parse(record) as { outputs?: unknown }).outputs;
  } catch {
    return undefined;
  }
  const tree: RenderedTree = new Map([[RECORD_PATH, record]]);
  if (typeof outputs !== 'object' || outputs === null) return tree;
  await Promise.all(
    Object.keys(outputs).map(async (path) => {
      const text = await readRegularFile(join(outDir, path));
      if (text !== undefined) tree.set(path, text);
    }),
  );
  return tree;
}

/** Paths whose text differs between two rendered trees (added, changed or removed), sorted. */
function changedFiles(before: RenderedTree | undefined, after: RenderedTree): string[] {
  if (before === undefined) return [...after.keys()];
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((path) => before.get(path) !== after.get(path)).sort();
}

function page(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta http-equiv="Content-Security-Policy" content="${DOCS_CONTENT_SECURITY_POLICY}" />
<title>API reference (npm run dev)</title>
<link rel="icon" href="data:," />
<style>
  body { margin: 0; }
  #dev-status { font: 14px/1.4 system-ui, sans-serif; padding: 8px 16px; border-bottom: 1px solid #ddd; }
  #dev-status .error { color: #b00020; white-space: pre-wrap; font-family: ui-monospace, monospace; }
  #dev-status li.warn { color: #8a5a00; white-space: pre-wrap; }
  #dev-status li.error { color: #b00020; }
  #dev-status:empty { display: none; }
</style>
</head>
<body>
<div id="dev-status" role="status" aria-live="polite"></div>
<div id="redoc"></div>
<script type="module">
import { init } from '/redoc.js';
const options = ${JSON.stringify({ ...REDOC_OPTIONS, disableTelemetry: true })};
const panel = document.getElementById('dev-status');
let root;
const frame = () => new Promise((done) => requestAnimationFrame(() => done()));
let queue = Promise.resolve();
// The newest docs not rendered yet: docs that arrive while an older version renders replace
// each other, and only the last is rendered.
let newestDocs;
function add(parent, tag, text, className) {
  const node = document.createElement(tag);
  node.textContent = text;
  if (className) node.className = className;
  parent.append(node);
  return node;
}
async function renderDocs() {
  if (newestDocs === undefined) return;
  const { spec } = JSON.parse(newestDocs);
  newestDocs = undefined;
  root?.unmount();
  root = init(spec, options, document.getElementById('redoc'));
  await frame();
  await frame();
}
function showStatus(status) {
  panel.replaceChildren();
  if (status.error) add(panel, 'div', 'Generator error (generated/ is unchanged): ' + status.error, 'error');
  if (!status.error && status.warnings.length > 0) {
    add(panel, 'div', 'Generator warnings: ' + status.warnings.length);
    const list = add(panel, 'ul', '');
    for (const w of status.warnings) add(list, 'li', w, 'warn');
  }
  if (status.lint.length > 0) {
    add(panel, 'div', 'Lint: ' + status.lint.length + ' problem' + (status.lint.length === 1 ? '' : 's'));
    const list = add(panel, 'ul', '');
    for (const p of status.lint) add(list, 'li', p.where + ': ' + p.message + ' (' + p.rule + ')', p.severity);
  }
  document.documentElement.dataset.version = String(status.version);
}
// Events arrive in order, and each waits for the one before: a status is shown once the docs
// sent before it are rendered.
const then = (step) => { queue = queue.then(step, step); };
const events = new EventSource('/events');
events.addEventListener('docs', (event) => {
  newestDocs = event.data;
  then(renderDocs);
});
events.onmessage = (event) => {
  const status = JSON.parse(event.data);
  then(() => showStatus(status));
};
</script>
</body>
</html>
`;
}
