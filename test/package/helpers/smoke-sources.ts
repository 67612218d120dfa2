/**
 * The smoke program every consumer runs, in each form a user writes it: an ESM script, a CommonJS
 * script, and TypeScript for `tsc` (an `.mts` and a `.cts` under NodeNext, a `.ts` under
 * `module: preserve` + bundler resolution, and the browser page's entry).
 *
 * It creates a client, reads a plan, lists every plan (two pages), catches the typed 404 error,
 * and reads the plan again through the typed path client (`pathsClient`, openapi-fetch), then prints one line of
 * JSON: what each runtime prints is compared with `expectedSmokeResult`. The TypeScript forms
 * also carry type assertions, so a package whose types went missing (`any`) fails to compile.
 */
import { listedIds, MISSING_PLAN, SMOKE_PROJECT, SMOKE_TOKEN } from './api-server.ts';

export interface SmokeResult {
  runtime: string;
  planId: string;
  isPlan: boolean;
  listed: string[];
  missing: string;
  pathsClient: string | null;
}

export function expectedSmokeResult(runtime: string, plan: { id: string }): SmokeResult {
  return {
    runtime,
    planId: plan.id,
    isPlan: true,
    listed: listedIds(plan),
    missing: 'NotFoundError 404',
    pathsClient: plan.id,
  };
}

const IMPORTED = ['APIError', 'Gigs', 'NotFoundError', 'isPlan', 'pathsClient'];

/**
 * `async function smoke(runtime, planId)`: the calls. The base URL comes from `SMOKE_BASE_URL`,
 * a global in the browser page and an environment variable elsewhere.
 */
function smokeFunction(typed: boolean): string {
  const t = (annotation: string) => (typed ? annotation : '');
  return `
const baseURL =
  (globalThis${t(' as { SMOKE_BASE_URL?: string }')}).SMOKE_BASE_URL ??
  (globalThis${t(' as { process?: { env: Record<string, string | undefined> } }')}).process?.env.SMOKE_BASE_URL;

async function smoke(runtime${t(': string')}, planId${t(': string')})${t(': Promise<Record<string, unknown>>')} {
  const client = new Gigs({
    baseURL,
    token: ${JSON.stringify(SMOKE_TOKEN)},
    project: ${JSON.stringify(SMOKE_PROJECT)},
    defaultHeaders: { 'x-smoke-runtime': runtime },
  });
  const plan${t(': Plan')} = await client.plans.retrieve(planId);
  const listed${t(': string[]')} = [];
  for await (const item of client.plans.list({ limit: 1 })) listed.push(item.id);
  let missing = 'no error';
  try {
    await client.plans.retrieve(${JSON.stringify(MISSING_PLAN)});
  } catch (error) {
    missing =
      error instanceof NotFoundError && error instanceof APIError ? \`NotFoundError \${error.status}\` : \`unexpected: \${String(error)}\`;
  }
  const viaPaths = await pathsClient(client).GET('/projects/{project}/plans/{plan}', {
    params: { path: { project: ${JSON.stringify(SMOKE_PROJECT)}, plan: planId } },
  });${
    typed
      ? `
  // The types are real: a wrong argument does not compile (an unused directive fails the build).
  // @ts-expect-error a plan id is a string
  const wrongCall = () => client.plans.retrieve(42);
  void wrongCall;`
      : ''
  }
  return { runtime, planId: plan.id, isPlan: isPlan(plan), listed, missing, pathsClient: viaPaths.data?.id ?? null };
}
`;
}

export interface SmokeFile {
  /** Path relative to the consumer subfolder. */
  path: string;
  text: string;
}

/** `smoke.mjs`: the ESM script (Node, Bun and Deno run it). */
export function esmScript(packageName: string, runtime: string, planId: string): SmokeFile {
  return {
    path: 'smoke.mjs',
    text: `import { ${IMPORTED.join(', ')} } from '${packageName}';\n${smokeFunction(false)}\nconsole.log(JSON.stringify(await smoke(${JSON.stringify(runtime)}, ${JSON.stringify(planId)})));\n`,
  };
}

/** `smoke.cjs`: the CommonJS script. */
export function cjsScript(packageName: string, runtime: string, planId: string): SmokeFile {
  return {
    path: 'smoke.cjs',
    text:
      `const { ${IMPORTED.join(', ')} } = require('${packageName}');\n${smokeFunction(false)}\n` +
      `smoke(${JSON.stringify(runtime)}, ${JSON.stringify(planId)}).then(\n` +
      '  (result) => console.log(JSON.stringify(result)),\n' +
      '  (error) => {\n    console.error(error);\n    process.exitCode = 1;\n  },\n);\n',
  };
}

/**
 * TypeScript: `ext` `mts` (ESM with top-level await), `cts` (CommonJS: no top-level await) or
 * `ts` (for `module: preserve`, in an ESM folder, and for the browser bundle).
 */
export function typescriptSource(
  packageName: string,
  runtime: string,
  planId: string,
  ext: 'mts' | 'cts' | 'ts',
  name = 'smoke',
): SmokeFile {
  const imports = `import { ${IMPORTED.join(', ')}, type Plan } from '${packageName}';\n`;
  const call = `smoke(${JSON.stringify(runtime)}, ${JSON.stringify(planId)})`;
  const main =
    ext === 'cts'
      ? `${call}.then(\n  (result) => console.log(JSON.stringify(result)),\n  (error: unknown) => console.error('smoke failed', error),\n);\n`
      : `console.log(JSON.stringify(await ${call}));\n`;
  return { path: `${name}.${ext}`, text: `${imports}${smokeFunction(true)}\n${main}` };
}
