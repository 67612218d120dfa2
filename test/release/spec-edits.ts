/**
 * Scripted edits of a split OpenAPI description in a folder, the way a maintainer makes them: one
 * YAML file changed with the `yaml` package's document API, comments kept. The `yaml` package
 * re-wraps long folded text as it writes, so the spec file's diff can be wider than the edit; the
 * generated package depends on the parsed values only.
 */
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseDocument, type Document } from 'yaml';
import { ROOT } from '../helpers/spec.ts';

/** Copies the repository's `spec/` into `<dir>/spec/` and returns `dir`. */
export async function copySpec(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  await cp(join(ROOT, 'spec'), join(dir, 'spec'), { recursive: true });
  return dir;
}

/** Parses `<specDir>/<file>`, lets `edit` change it, and writes it back. */
export async function editYaml(
  specDir: string,
  file: string,
  edit: (doc: Document) => void,
): Promise<void> {
  const path = join(specDir, file);
  const doc = parseDocument(await readFile(path, 'utf8'));
  edit(doc);
  if (doc.errors.length > 0) throw new Error(`${path}: ${doc.errors[0]!.message}`);
  await writeFile(path, String(doc));
}

/** One optional string property added to `Plan` (components/schemas/Plan.yaml). */
export function addOptionalPlanProperty(specDir: string): Promise<void> {
  return editYaml(specDir, 'components/schemas/Plan.yaml', (doc) => {
    doc.setIn(
      ['properties', 'nickname'],
      doc.createNode({ description: 'A short name of the plan.', type: 'string' }),
    );
  });
}

/**
 * A new operation, `POST /projects/{project}/plans/{plan}/replicate` (`plans.replicate`), in its
 * own path file, listed in the root file: how the split spec grows.
 */
export async function addPlanOperation(specDir: string): Promise<void> {
  const archive = await readFile(join(specDir, 'paths/plan-archive.yaml'), 'utf8');
  const doc = parseDocument(archive);
  doc.setIn(['post', 'operationId'], 'replicatePlan');
  doc.setIn(['post', 'summary'], 'Replicate a plan');
  doc.setIn(['post', 'description'], 'Creates a draft plan with the settings of this one.');
  doc.setIn(['post', 'x-sdk-method'], 'plans.replicate');
  doc.setIn(['post', 'responses', '200', 'description'], 'Returns the new plan.');
  doc.deleteIn(['post', 'responses', '200', 'content', 'application/json', 'examples']);
  await writeFile(join(specDir, 'paths/plan-replicate.yaml'), String(doc));
  await editYaml(specDir, 'openapi.yaml', (root) => {
    root.setIn(
      ['paths', '/projects/{project}/plans/{plan}/replicate'],
      root.createNode({ $ref: 'paths/plan-replicate.yaml' }),
    );
  });
}

/** The description of `Plan.name` reworded. */
export function changePlanNameDescription(specDir: string): Promise<void> {
  return editYaml(specDir, 'components/schemas/Plan.yaml', (doc) => {
    doc.setIn(
      ['properties', 'name', 'description'],
      "The plan's name, as the Zanzibar storefront shows it to users.",
    );
  });
}

/** A new value of the `PlanStatus` enum. */
export function addPlanStatusValue(specDir: string): Promise<void> {
  return editYaml(specDir, 'components/schemas/PlanStatus.yaml', (doc) => {
    doc.setIn(['enum'], doc.createNode(['available', 'archived', 'pending', 'draft', 'suspended']));
  });
}
