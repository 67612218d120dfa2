/**
 * How the guards check each `pattern` so that no input makes them hang (issue 11 item 3).
 *
 * JavaScript's RegExp backtracks: `^(a+)+$` takes exponential time on `aaaa…a!`, and a guard that
 * meets such a string never answers. Each pattern of a named schema is analysed at generation with
 * recheck, a maintained ReDoS checker (see {@link patternSafety}), unless it is linear by its shape
 * (pattern-linear.ts: `^[A-Z]{2}$`, which recheck would prove linear too): its automaton checker
 * proves a pattern linear or finds an attack; patterns it cannot read (backreferences, lookaround)
 * go to its fuzzer, with a fixed seed so that the output stays deterministic. What is not proven linear is
 * handled as the `unsafePatterns` option says:
 * - `re2js` (the default): the pattern runs on re2js, a linear-time (RE2) engine, written in RE2's
 *   syntax with the same meaning (re2-syntax.ts). The generated package depends on re2js only
 *   then. A pattern RE2 cannot express (backreferences, lookaround) stays on RegExp only when the
 *   fuzzer found no attack on it (a test, not a proof: the one residual risk, which `skip`
 *   removes); otherwise the guards do not check it.
 * - `native`: JavaScript's RegExp anyway (the caller accepts the risk).
 * - `skip`: no such pattern is checked.
 * Every pattern left unchecked or kept on RegExp against recheck's verdict is reported (see
 * {@link patternWarnings}).
 *
 * "Not checked" means: a `pattern` keyword passes every string; a `patternProperties` key pattern
 * is taken to match any key, so its schema judges no value and `additionalProperties` no key of
 * that object (the lenient side: the guards never reject a value the schema accepts).
 *
 * Patterns JavaScript does not accept in unicode mode run without the `u` flag; patterns it does
 * not accept at all (other dialects: possessive `a++`, atomic `(?>…)`, inline `(?i)`) are not
 * checked; both are reported too.
 */
import { RegExpParser, visitRegExpAST, type AST } from '@eslint-community/regexpp';
import { createRequire } from 'node:module';
import type { Diagnostics } from 'recheck';
import { joinPointer } from '../errors.ts';
import type { Warnings } from '../warnings.ts';
import { children } from './schema-children.ts';
import type { RegexModel, SchemaNode } from './schema-types.ts';
import type { NamedSchema, OperationModel } from './types.ts';
import { re2Form } from './re2-syntax.ts';
import { backwardStates } from './pattern-budget.ts';
import { linearByShape } from './pattern-linear.ts';
import { superLinearFix, superLinearWhy } from './pattern-advice.ts';
import { pushAll } from '../json.ts';

/** What the guards do with a pattern that may take super-linear time. */
export type UnsafePatterns = 're2js' | 'native' | 'skip';

/**
 * recheck's verdict, short: `linear` (proven), `no-attack-found` (its fuzzer found none; patterns
 * with backreferences or lookaround), `super-linear` (with how), or `unknown` (undecided).
 */
export type PatternSafety =
  | { status: 'linear' }
  | { status: 'no-attack-found' }
  | {
      status: 'super-linear';
      complexity: string;
      attack: string;
      /** `unanchored`: linear with `^` before it, so the slowness is the search's (pattern-advice.ts). */
      cause?: 'unanchored';
      /** Found by recheck's fuzzer (backreferences, lookaround): what backtracks is not known. */
      fuzzed?: true;
    }
  | { status: 'unknown'; reason: string };

/** How one pattern is checked in the emitted guards. */
export type PatternEngine =
  | { engine: 'regexp' }
  | { engine: 're2js'; source: string }
  /**
   * Not checked (the pattern is invalid, or unsafe and `skip`ped or not expressible in RE2);
   * `re2` says why RE2 cannot express it, in the last case.
   */
  | { engine: 'none'; re2?: string };

/**
 * The verdict is a function of the pattern alone, so the generated code is the same on every
 * machine and under any load: recheck runs with no clock (`timeout: null`, and none of its
 * fuzzer's time limits), and what it is asked is bounded by size instead. Its automaton checker
 * (exact for patterns without backreferences and lookaround) runs on the pattern with every
 * counted repeat relaxed (`{3,40}` → `+`), which can only add ways to backtrack: if that is
 * linear, so is the pattern. A pattern is not analysed (undecided, and so run on re2js) when
 * - its relaxed form is longer than MAX_ANALYSED_LENGTH characters;
 * - its automaton read backwards has more than MAX_BACKWARD_STATES states (pattern-budget.ts):
 *   recheck builds that automaton without any bound, and it can be exponential in the pattern;
 * - recheck's automaton with lookahead has more than MAX_NFA_SIZE transitions (its
 *   `maxNFASize`, which it applies with `checker: 'auto'` only): the checker's work grows faster
 *   than that size (on AWS ARN patterns, some 20,000 transitions, 2 to 5 s of CPU each).
 * Measured on the AWS Lambda spec's 41 patterns (recheck's native agent, CPU time): no pattern
 * within the budget takes 1 s, and those over it take at most 0.2 s to be found so.
 */
const MAX_ANALYSED_LENGTH = 120;
const MAX_BACKWARD_STATES = 1_000;
const MAX_NFA_SIZE = 10_000;
/**
 * The most counted repeats (`{0,62}` counts 62, `{2,}` 2) a pattern the fuzzer reads may have in
 * all: recheck's own `maxRepeatCount` default, past which its `auto` checker gives up on the
 * automaton. The fuzzer's work grows with them, with no bound: 20 s to minutes past some 60.
 */
const MAX_FUZZED_REPEATS = 30;
/** recheck reads sizes as 32-bit integers; this one never limits anything. */
const UNLIMITED = 2_147_483_647;
/** The fuzzer's seed: the same pattern gets the same verdict on every run. */
const FUZZ_SEED = 20_111_003;

/**
 * recheck's automaton checker within the budget: `auto` applies maxNFASize, and goes to its fuzzer
 * for a pattern over it (or one it cannot read): that fuzzer runs on no input (no seeds, no
 * iterations), its answer only says the automaton was not built.
 */
const AUTOMATON_PARAMS = {
  checker: 'auto',
  timeout: null,
  maxNFASize: MAX_NFA_SIZE,
  maxPatternSize: UNLIMITED,
  maxRepeatCount: UNLIMITED,
  maxInitialGenerationSize: 0,
  maxIteration: 0,
  seedingTimeout: null,
  incubationTimeout: null,
  attackTimeout: null,
  recallTimeout: -1,
} as const satisfies CheckParams;

/**
 * recheck's fuzzer, for patterns with backreferences or lookaround: a fixed seed, and limits on
 * steps, not time (a negative recallTimeout skips the recall validation, which times a match).
 * attackLimit is the steps an attack string must take to count as one: 10^6. recheck's default,
 * 1.5 × 10^9, took 20 s of CPU on `(\d+)\1+x(?<=y)`; 10^7 still took 10 to 20 s on any pattern
 * the fuzzer finds super-linear (`^(?<x>a)\k<x>(a+)+$`, `(\w+)\s\1`, `(a|b)\1*c`), on every run,
 * and 10^6 0.3 to 3 s, with the same verdict on each of 14 patterns tried (attacks and not).
 */
const FUZZ_PARAMS = {
  checker: 'fuzz',
  randomSeed: FUZZ_SEED,
  timeout: null,
  seedingTimeout: null,
  incubationTimeout: null,
  attackTimeout: null,
  recallTimeout: -1,
  attackLimit: 1_000_000,
} as const satisfies CheckParams;

const analysed = new Map<string, PatternSafety>();

/**
 * recheck, loaded on first use: a spec without patterns never pays for loading it (0.1 to 0.2 s).
 * The plain `require` call is for the launcher's CommonJS build (scripts/generator-build.mjs),
 * which bundles recheck so that it compiles from V8's code cache; ES modules have no `require`.
 */
let recheck: typeof import('recheck') | undefined;
const loadRecheck = () =>
  (recheck ??= (
    typeof require === 'function'
      ? // eslint-disable-next-line @typescript-eslint/no-require-imports -- for esbuild to bundle it
        require('recheck')
      : createRequire(import.meta.url)('recheck')
  ) as typeof import('recheck'));

/** One question to recheck: a pattern, its flags, and how to check it. */
type CheckRequest = [source: string, flags: string, params: CheckParams];

/**
 * A question with what it costs, to share the questions out (see {@link shareQuestions}): the
 * states of the pattern's automaton read backwards (pattern-budget.ts), Infinity for the fuzzer.
 */
interface Question {
  request: CheckRequest;
  cost: number;
}
type CheckParams = NonNullable<Parameters<typeof import('recheck').check>[2]>;

/**
 * recheck's analysis of a pattern (cached per source and flags for the process). The model asks
 * for its patterns up front with {@link analysePatterns}; a pattern it did not is analysed here,
 * synchronously.
 */
function patternSafety(regex: RegexModel): PatternSafety {
  const key = cacheKey(regex);
  let known = analysed.get(key);
  if (known === undefined) {
    const steps = analysis(regex);
    let step = steps.next();
    while (!step.done) step = steps.next(loadRecheck().checkSync(...step.value.request));
    known = step.value;
    analysed.set(key, known);
  }
  return known;
}

const cacheKey = (regex: RegexModel) => `${regex.flags}/${regex.source}`;

/**
 * Asks recheck one question somewhere else: the generator's worker thread, which loaded recheck's
 * checker while this thread was loading (write/format-pool.ts). Rejects if it cannot answer.
 */
export type PatternChecker = (question: CheckRequest) => Promise<unknown>;

/**
 * Without a worker: up to this many patterns are analysed with recheck's asynchronous `check` (its
 * native agent), more with `checkSync`. The agent answers the first after its start (some 0.15 s),
 * then one after another.
 */
const AGENT_LIMIT = 10;

/**
 * With a worker, recheck's agent is started only when its help is worth its start: for more than
 * {@link AGENT_LIMIT} questions, a fuzzer's question, or one whose automaton read backwards has more
 * than this many states. recheck's JavaScript build answers a small pattern (`^[A-Z]+$`) in a few
 * milliseconds, but a large one some 4 times slower than the native agent: 2.2 s against 0.6 s on
 * one of the AWS Lambda spec's ARN patterns (its backward automaton 25 states), 5 to 100 ms on
 * patterns of up to 16.
 */
const WORKER_STATES = 16;

/** Asks recheck one question; its diagnostics. */
type Ask = (question: CheckRequest) => Promise<Diagnostics>;

/**
 * Analyses every pattern the guards of `schemas` check, all at once, so that {@link patternSafety}
 * finds them cached. The verdicts are the same whoever answers. With `checker` (the generator's
 * worker thread, whose copy of recheck is loaded already), the questions are shared between it and
 * recheck's native agent (`agent`, replaceable for tests), cheapest first for the worker and
 * dearest first for the agent (see {@link shareQuestions}); the fuzzer's go to the agent only, which
 * fuzzes about twice as fast (19 s against 36 s on `(\w+)\s\1`). Without it, up to
 * {@link AGENT_LIMIT} patterns are asked with recheck's asynchronous `check`, more with
 * `checkSync` (its agent too, from a worker thread of recheck's own).
 */
export async function analysePatterns(
  schemas: readonly SchemaRoot[],
  checker?: PatternChecker,
  agent: Ask = (question) => loadRecheck().check(...question),
): Promise<void> {
  const pending = new Map<string, RegexModel>();
  for (const { regex } of patternUses(schemas)) {
    const key = cacheKey(regex);
    if (!analysed.has(key)) pending.set(key, regex);
  }
  if (checker === undefined && pending.size > AGENT_LIMIT) {
    for (const regex of pending.values()) patternSafety(regex);
    return;
  }
  const waiting: Waiting[] = [];
  for (const [key, regex] of pending) {
    const steps = analysis(regex);
    const step = steps.next();
    if (step.done) analysed.set(key, step.value);
    else waiting.push({ key, steps, question: step.value });
  }
  if (checker === undefined) {
    await Promise.all(waiting.map((one) => answerAll(one, agent)));
    return;
  }
  await shareQuestions(waiting, checker as Ask, agent);
}

/** A pattern's analysis waiting for recheck's answer to `question`. */
interface Waiting {
  key: string;
  steps: Generator<Question, PatternSafety, Diagnostics>;
  question: Question;
}

/** Asks `ask` each question of `one`'s analysis until its verdict, and caches it. */
async function answerAll(one: Waiting, ask: Ask): Promise<void> {
  for (;;) {
    const step = one.steps.next(await ask(one.question.request));
    if (step.done) {
      analysed.set(one.key, step.value);
      return;
    }
    one.question = step.value;
  }
}

/**
 * Answers the `waiting` analyses with two askers at once, each on its own core: the worker takes
 * the cheapest question left, the agent (when it is worth starting: {@link WORKER_STATES}) the
 * dearest, each the next when it has answered, until none is left. The worker never takes a
 * fuzzer's question; one it cannot answer goes to the agent, and it is asked nothing more.
 */
async function shareQuestions(waiting: Waiting[], worker: Ask, agent: Ask): Promise<void> {
  // Cheapest first: by the backward automaton's states, the fuzzer's questions last.
  const queue = waiting.sort((a, b) => a.question.cost - b.question.cost);
  const agentJoins =
    queue.length > AGENT_LIMIT || queue.some((one) => one.question.cost > WORKER_STATES);
  let workerWorks = true;
  const byWorker = async () => {
    while (workerWorks && queue.length > 0 && queue[0]!.question.cost <= WORKER_STATES) {
      const one = queue.shift()!;
      await answerAll(one, (question) =>
        (question[2].checker === 'fuzz' ? agent(question) : worker(question)).catch(
          (error: unknown) => {
            workerWorks = false;
            if (!agentJoins) return agent(question);
            throw error;
          },
        ),
      ).catch(() => queue.unshift(one));
    }
  };
  const byAgent = async () => {
    for (let one = queue.pop(); one !== undefined; one = queue.pop()) await answerAll(one, agent);
  };
  await Promise.all([byWorker(), ...(agentJoins ? [byAgent()] : [])]);
  // The worker stopped early, and the agent was not there to take the rest.
  await Promise.all(queue.splice(0).map((one) => answerAll(one, agent)));
}

/**
 * The analysis of one pattern, as the questions it asks recheck (yielded, answered with recheck's
 * diagnostics) and the verdict it returns: the automaton checker on the relaxed pattern, then the
 * fuzzer on a pattern the checker cannot read. The same steps whether recheck answers
 * synchronously or not.
 */
function* analysis(regex: RegexModel): Generator<Question, PatternSafety, Diagnostics> {
  if (!isValid(regex)) return { status: 'unknown', reason: 'not a valid regular expression' };
  const read = relaxRepeats(regex);
  if (read === undefined) return { status: 'unknown', reason: 'not analysed: not parsed' };
  const { relaxed, regular, dropped } = read;
  if (relaxed.length > MAX_ANALYSED_LENGTH) {
    return {
      status: 'unknown',
      reason: `not analysed: longer than ${MAX_ANALYSED_LENGTH} characters`,
    };
  }
  if (regular && dropped) {
    // Without its bounded lookarounds: linear proves the pattern linear; anything else, the fuzzer
    // reads the pattern as written (below).
    const states = backwardStates(relaxed, regex.flags, MAX_BACKWARD_STATES) ?? Infinity;
    if (states <= MAX_BACKWARD_STATES) {
      const result = yield { request: [relaxed, regex.flags, AUTOMATON_PARAMS], cost: states };
      if (result.checker === 'automaton' && result.status === 'safe') return { status: 'linear' };
    }
  } else if (regular) {
    const states = backwardStates(relaxed, regex.flags, MAX_BACKWARD_STATES) ?? Infinity;
    if (states > MAX_BACKWARD_STATES) {
      return { status: 'unknown', reason: 'not analysed: too large an automaton' };
    }
    // recheck's verdict on such a pattern is known without asking (pattern-linear.ts).
    if (linearByShape(regex.source, regex.flags)) return { status: 'linear' };
    const result = yield { request: [relaxed, regex.flags, AUTOMATON_PARAMS], cost: states };
    if (result.checker !== 'automaton') {
      return { status: 'unknown', reason: 'not analysed: too large an automaton' };
    }
    switch (result.status) {
      case 'safe':
        return { status: 'linear' };
      case 'vulnerable': {
        // Relaxed repeats may be what backtracks: only an unrelaxed pattern is known to.
        if (relaxed !== regex.source) {
          return {
            status: 'unknown',
            reason: 'recheck: super-linear with its counted repeats relaxed',
          };
        }
        const found: PatternSafety = {
          status: 'super-linear',
          complexity: complexityText(result.complexity),
          attack: result.attack.pattern,
        };
        // A pattern not anchored is searched for from every position of the input: if it is
        // linear from one, the search is what is slow, and the fix is the anchor.
        if (regex.source.startsWith('^')) return found;
        const anchored = yield {
          request: [`^(?:${relaxed})`, regex.flags, AUTOMATON_PARAMS],
          cost: states,
        };
        const linearAnchored = anchored.checker === 'automaton' && anchored.status === 'safe';
        return linearAnchored ? { ...found, cause: 'unanchored' } : found;
      }
      case 'unknown':
        return { status: 'unknown', reason: `recheck: ${result.error.kind}` };
    }
  }
  // Backreferences or lookaround: recheck's fuzzer, with a fixed seed, on a pattern whose counted
  // repeats it can afford: its strings grow with them, and AWS SageMaker's
  // `…([a-zA-Z0-9]([a-zA-Z0-9-]){0,62})(?<!-)…` (78 counted) took it minutes and 1 GB.
  if (read.repeats > MAX_FUZZED_REPEATS) {
    return {
      status: 'unknown',
      reason: `not analysed: backreferences or lookaround, with counted repeats of more than ${MAX_FUZZED_REPEATS} in all`,
    };
  }
  const fuzzed = yield { request: [regex.source, regex.flags, FUZZ_PARAMS], cost: Infinity };
  switch (fuzzed.status) {
    case 'safe':
      return { status: 'no-attack-found' };
    case 'vulnerable':
      return {
        status: 'super-linear',
        complexity: complexityText(fuzzed.complexity),
        attack: fuzzed.attack.pattern,
        fuzzed: true,
      };
    case 'unknown':
      return {
        status: 'unknown',
        reason: `backreferences or lookaround; recheck: ${fuzzed.error.kind}`,
      };
  }
}

function complexityText(complexity: { type: string; degree?: number }): string {
  return complexity.type === 'exponential'
    ? 'exponential'
    : `polynomial (degree ${complexity.degree ?? '?'})`;
}

/**
 * The pattern with each counted repeat `{m,n}` (n > 1) as `*` or `+`, and each lookaround whose
 * body matches in a bounded number of ways ({@link BOUNDED_LOOKAROUND_PATHS}) as `(?:)`; whether
 * the result is regular (no backreferences, no other lookaround: recheck's automaton checker reads
 * it), and whether lookarounds were dropped; undefined if unparsable.
 *
 * Dropping such a lookaround can only add ways to backtrack: where it stood, a match either fails
 * or goes on as without it, and evaluating it costs a bounded amount at each place it is reached.
 * So if the pattern without it is linear, the pattern is (`^(?!https://)[a-z:/.]+\.pdf$`,
 * `^(?!-)[a-z0-9-]+(?<!-)$`). The converse does not hold: a lookaround can stop backtracking,
 * so a pattern without it that is not linear goes to the fuzzer as written (see {@link analysis}).
 */
function relaxRepeats(
  regex: RegexModel,
): { relaxed: string; regular: boolean; dropped: boolean; repeats: number } | undefined {
  let pattern: AST.Pattern;
  try {
    pattern = new RegExpParser({ ecmaVersion: 2025 }).parsePattern(
      regex.source,
      0,
      regex.source.length,
      { unicode: regex.flags === 'u' },
    );
  } catch {
    return undefined;
  }
  const edits: { start: number; end: number; text: string }[] = [];
  const droppedRanges: { start: number; end: number }[] = [];
  let regular = true;
  let repeats = 0;
  visitRegExpAST(pattern, {
    onBackreferenceEnter() {
      regular = false;
    },
    onAssertionEnter(node) {
      if (node.kind !== 'lookahead' && node.kind !== 'lookbehind') return;
      if (droppedRanges.some((range) => range.start <= node.start && node.end <= range.end)) return;
      if (matchPaths(node) <= BOUNDED_LOOKAROUND_PATHS) {
        droppedRanges.push({ start: node.start, end: node.end });
        edits.push({ start: node.start, end: node.end, text: '(?:)' });
      } else regular = false;
    },
    onQuantifierEnter(node) {
      if (node.max <= 1 || /^[*+?]/.test(node.raw.slice(node.element.raw.length))) return;
      repeats += node.max === Infinity ? node.min : node.max;
      const text = `${node.min === 0 ? '*' : '+'}${node.greedy ? '' : '?'}`;
      edits.push({ start: node.element.end, end: node.end, text });
    },
  });
  const kept = edits.filter(
    (edit) =>
      edit.text === '(?:)' ||
      !droppedRanges.some((range) => range.start <= edit.start && edit.end <= range.end),
  );
  let out = regex.source;
  for (const edit of kept.sort((x, y) => y.start - x.start)) {
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  }
  return { relaxed: out, regular, dropped: droppedRanges.length > 0, repeats };
}

/**
 * A lookaround whose body can match in at most this many ways is dropped before recheck's automaton
 * checker reads a pattern (see {@link relaxRepeats}): what evaluating it costs does not grow with
 * the input.
 */
const BOUNDED_LOOKAROUND_PATHS = 64;

/**
 * An upper bound of the ways `node` can match at one place (the paths a backtracking engine
 * tries): Infinity with a repeat beyond `?` or a backreference, which make it grow with the input.
 */
function matchPaths(node: AST.Node): number {
  switch (node.type) {
    case 'Alternative':
      return node.elements.reduce((paths, element) => paths * matchPaths(element), 1);
    case 'Group':
    case 'CapturingGroup':
    case 'Pattern':
      return node.alternatives.reduce((paths, alternative) => paths + matchPaths(alternative), 0);
    case 'Assertion':
      return node.kind === 'lookahead' || node.kind === 'lookbehind'
        ? node.alternatives.reduce((paths, alternative) => paths + matchPaths(alternative), 0)
        : 1;
    case 'Quantifier':
      if (node.max > 1) return Infinity;
      return node.max === 0 ? 1 : (node.min === 0 ? 1 : 0) + matchPaths(node.element);
    case 'Character':
    case 'CharacterSet':
      return 1;
    case 'CharacterClass':
      // A `v`-flag class with strings (`[\q{ab|c}]`) can match in several ways.
      return node.unicodeSets &&
        node.elements.some((element) => element.type === 'ClassStringDisjunction')
        ? Infinity
        : 1;
    case 'ExpressionCharacterClass':
      return Infinity;
    default:
      return Infinity;
  }
}

/** JavaScript's own words for why a pattern does not compile. */
function invalidReason(regex: RegexModel): string {
  try {
    new RegExp(regex.source, regex.flags);
    return 'valid';
  } catch (error) {
    return (error as Error).message.replace(/^Invalid regular expression: /, '');
  }
}

function isValid(regex: RegexModel): boolean {
  try {
    new RegExp(regex.source, regex.flags);
    return true;
  } catch {
    return false;
  }
}

/** The engine for a pattern (see the module doc). */
export function patternEngine(regex: RegexModel, unsafe: UnsafePatterns): PatternEngine {
  if (!isValid(regex)) return { engine: 'none' };
  const safety = patternSafety(regex);
  if (safety.status === 'linear' || unsafe === 'native') return { engine: 'regexp' };
  if (unsafe === 'skip') return { engine: 'none' };
  const re2 = re2Form(regex.source, regex.flags);
  if ('source' in re2) return { engine: 're2js', source: re2.source };
  return safety.status === 'no-attack-found'
    ? { engine: 'regexp' }
    : { engine: 'none', re2: re2.reason };
}

/** A pattern of a named schema, where it is in the spec. */
export interface PatternUse {
  regex: RegexModel;
  /** JSON pointer of the `pattern` keyword or the `patternProperties` key. */
  pointer: string;
  selects: boolean;
}

/** A schema the patterns are searched from: a named schema's, or one an operation writes inline. */
export interface SchemaRoot {
  node: SchemaNode;
}

/**
 * The schemas the guards check: every named schema, and each operation's own success body
 * (emit/guards/response-bodies.ts: a JSON body that is not exactly a `$ref`), which may hold
 * patterns of its own (`items: { properties: { code: { pattern } } }`).
 */
export function guardedSchemas(
  schemas: readonly NamedSchema[],
  operations: readonly OperationModel[],
): SchemaRoot[] {
  const bodies = operations.flatMap((operation) =>
    ownGuardedBodies(operation).map((node) => ({ node })),
  );
  return [...schemas, ...bodies];
}

/** The success bodies of `operation` that a guard of its own checks (model/successes.ts). */
function ownGuardedBodies(operation: OperationModel): SchemaNode[] {
  const { typeNames, successResponse, otherSuccesses = [] } = operation;
  const nodes: (SchemaNode | undefined)[] = [];
  if (typeNames.responseGuard !== undefined) nodes.push(successResponse?.schema);
  const others = typeNames.otherResponseGuards ?? {};
  for (const response of otherSuccesses)
    if (Object.hasOwn(others, response.status)) nodes.push(response.schema);
  return nodes.filter((node) => node !== undefined);
}

/**
 * The schemas operations write inline that no guard checks: parameters, request bodies, the
 * other responses. Their patterns are never run by the package, but one that is not a regular
 * expression is still an error in the spec (see {@link addInvalidPatternWarnings}).
 */
export function unguardedSchemas(operations: readonly OperationModel[]): SchemaRoot[] {
  return operations.flatMap((operation) => {
    const guarded = new Set(ownGuardedBodies(operation));
    const nodes = [
      ...operation.parameters.map((parameter) => parameter.schema),
      operation.body?.schema,
      ...operation.responses.flatMap((response) => [response.schema, response.textSchema]),
    ];
    return nodes.flatMap((node) => (node === undefined || guarded.has(node) ? [] : [{ node }]));
  });
}

/** Every pattern of `schemas` (the guards check those of {@link guardedSchemas}), with its place. */
export function patternUses(schemas: readonly SchemaRoot[]): PatternUse[] {
  const uses: PatternUse[] = [];
  const seen = new Set<SchemaNode>();
  // Depth first, in the document's order: the first place of a pattern is the one reported.
  const stack = schemas.map((s) => s.node).reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (seen.has(node)) continue;
    seen.add(node);
    if (node.kind === 'string' && node.pattern) {
      uses.push({
        regex: node.pattern,
        pointer: joinPointer(node.pointer, 'pattern'),
        selects: false,
      });
    }
    if (node.kind === 'object') {
      for (const { pattern } of node.patternProperties) {
        uses.push({
          regex: pattern,
          pointer: joinPointer(node.pointer, 'patternProperties', pattern.source),
          selects: true,
        });
      }
    }
    pushAll(stack, children(node).reverse());
  }
  return uses;
}

/** True when the guards of `schemas` run some pattern on re2js: the package depends on it then. */
export function usesRe2js(schemas: readonly SchemaRoot[], unsafe: UnsafePatterns): boolean {
  return patternUses(schemas).some((use) => patternEngine(use.regex, unsafe).engine === 're2js');
}

const INVALID_FIX =
  'write the pattern in ECMA-262 syntax (the JSON Schema regex dialect): no possessive a++, atomic (?>…), inline (?i), anchors \\A \\z \\Z or POSIX classes [[:alpha:]] from other dialects';

/** A finding about a pattern, for the generator's warnings. */
export interface PatternWarning {
  /** Same key, same warning (a pattern used in several places is reported once). */
  key: string;
  pointer: string;
  problem: string;
  fix: string;
}

/** What the user should know about the patterns of `schemas`: each unsafe, odd or invalid one. */
function patternWarnings(schemas: readonly SchemaRoot[], unsafe: UnsafePatterns): PatternWarning[] {
  const warnings: PatternWarning[] = [];
  for (const { regex, pointer, selects } of patternUses(schemas)) {
    const text = JSON.stringify(regex.source);
    const key = `pattern:${selects ? 'key' : 'value'}:${regex.flags}:${regex.source}`;
    const unchecked = selects
      ? 'the guards take it to match any key (its schema and additionalProperties are not checked there)'
      : 'the guards do not check it';
    if (!isValid(regex)) {
      warnings.push({
        key,
        pointer,
        problem: `the pattern ${text} is not a valid ECMAScript regular expression (${invalidReason(regex)}), so ${unchecked}`,
        fix: INVALID_FIX,
      });
      continue;
    }
    if (regex.flags === '') {
      warnings.push({
        key: `${key}:no-u`,
        pointer,
        problem: `the pattern ${text} is not valid in unicode mode (the u flag JSON Schema asks for), so the guards run it without`,
        fix: 'escape what unicode mode wants escaped (a lone { } or ] as \\{ \\} \\]) and drop escapes it forbids (like \\- outside a class), so it compiles with the u flag',
      });
    }
    const safety = patternSafety(regex);
    const chosen = patternEngine(regex, unsafe);
    const { engine } = chosen;
    if (safety.status === 'linear') continue;
    // Undecided but run on re2js, or kept on RegExp after the fuzzer found no attack: the guards
    // are safe and check it as the spec says, nothing to report.
    if (
      safety.status !== 'super-linear' &&
      (engine === 're2js' || (engine === 'regexp' && unsafe === 're2js'))
    )
      continue;
    const what =
      safety.status === 'super-linear'
        ? `can take ${safety.complexity} time to match${superLinearWhy(safety)} (recheck; e.g. ${JSON.stringify(safety.attack)})`
        : safety.status === 'no-attack-found'
          ? 'could not be proven to match in linear time (recheck: backreferences or lookaround)'
          : `could not be shown to match in linear time (${safety.reason})`;
    const done =
      engine === 're2js'
        ? 'the guards run it on re2js, a linear-time engine (the package depends on re2js)'
        : chosen.engine === 'none'
          ? chosen.re2 === undefined
            ? `${unchecked} (--unsafe-patterns skip)`
            : `RE2 cannot express it (${chosen.re2}), so ${unchecked}`
          : 'the guards run it on JavaScript’s RegExp anyway (--unsafe-patterns native): a long input can stall them';
    warnings.push({
      key,
      pointer,
      problem: `the pattern ${text} ${what}; ${done}`,
      fix:
        safety.status !== 'super-linear' && chosen.engine === 'none' && chosen.re2 !== undefined
          ? 'write it in a form RE2 runs (no lookaround or backreferences, counted repeats up to 1,000), so the guards check it on re2js'
          : superLinearFix(safety, regex.source),
    });
  }
  return warnings;
}

/**
 * Adds what the user should know about the patterns of `schemas` (read from `file`) to the
 * generator's warnings: one per pattern and use (a pattern used in several places is reported at
 * its first place, with how many more there are); errors with `--strict`.
 */
export function addPatternWarnings(
  schemas: readonly SchemaRoot[],
  file: string,
  unsafe: UnsafePatterns,
  warnings: Warnings,
): void {
  for (const warning of patternWarnings(schemas, unsafe)) {
    warnings.add(warning.key, warning.problem, { file, pointer: warning.pointer }, warning.fix);
  }
}

/**
 * Adds a warning for each pattern of `schemas` (ones no guard runs: {@link unguardedSchemas}) that
 * is not a valid ECMAScript regular expression: servers, validators and docs that read the spec
 * reject or misread it. Errors with `--strict`. Their safety is not judged: the package never runs
 * them.
 */
export function addInvalidPatternWarnings(
  schemas: readonly SchemaRoot[],
  file: string,
  warnings: Warnings,
): void {
  for (const { regex, pointer, selects } of patternUses(schemas)) {
    if (isValid(regex)) continue;
    warnings.add(
      `pattern:${selects ? 'key' : 'value'}:${regex.flags}:${regex.source}`,
      `the pattern ${JSON.stringify(regex.source)} is not a valid ECMAScript regular expression (${invalidReason(regex)}), so validators reading the spec reject it or read it otherwise`,
      { file, pointer },
      INVALID_FIX,
    );
  }
}
