/**
 * Prints, as JSON, the errors GitHub's own workflow parser finds in each workflow file named on
 * the command line: `{ "<file>": ["<message>", …] }`.
 *
 * A separate process run through tsx: @actions/workflow-parser imports its schema as JSON without
 * an import attribute, which Node's ESM loader (and so vitest's) refuses, and tsx accepts.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  convertWorkflowTemplate,
  NoOperationTraceWriter,
  parseWorkflow,
} from '@actions/workflow-parser';

const errors: Record<string, string[]> = {};
for (const file of process.argv.slice(2)) {
  const result = parseWorkflow(
    { name: basename(file), content: readFileSync(file, 'utf8') },
    new NoOperationTraceWriter(),
  );
  if (result.value !== undefined) await convertWorkflowTemplate(result.context, result.value);
  errors[file] = result.context.errors.getErrors().map((error) => error.message);
}
process.stdout.write(`${JSON.stringify(errors)}\n`);
