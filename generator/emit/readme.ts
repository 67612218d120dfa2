/**
 * README.md of the generated package: templates/package/README.md.tmpl with a usage section per
 * resource, built from the model (each operation: summary, HTTP line, a call example).
 */
import type { ApiModel, OperationModel, ResourceModel } from '../model/types.ts';
import { exampleCall } from './readme-examples.ts';
import { fillTemplate, readTemplate } from './template.ts';
import type { EmittedTextFile } from './types.ts';

export const README_PATH = 'README.md';

export function emitReadme(model: ApiModel): EmittedTextFile {
  const text = fillTemplate(
    readTemplate('package/README.md.tmpl'),
    {
      packageName: model.sdk.packageName,
      title: markdownText(model.info.title),
      apiVersion: markdownText(model.info.version),
      summary: firstParagraph(model.info.description),
      clientName: model.sdk.clientName,
      construct: constructExample(model),
      exampleType: model.schemas[0]?.name ?? 'components',
      usage: model.resources.map((resource) => resourceSection(resource, model)).join('\n\n'),
    },
    'README.md.tmpl',
  );
  return { path: README_PATH, text };
}

/** The quick-start lines that create a client, naming the environment variables it reads. */
function constructExample(model: ApiModel): string {
  const variables = [
    // The client takes a token for a bearer scheme or an API key in a header (emit/client).
    ...(model.auth.some((scheme) => scheme.kind === 'bearer' || (scheme.kind === 'apiKey' && scheme.in === 'header'))
      ? [`${model.sdk.envPrefix}_TOKEN`]
      : []),
    ...model.sdk.clientOptions.map((option) => option.envVar),
  ];
  const comment =
    variables.length > 0
      ? `// Reads ${variables.join(' and ')} from the environment unless given here.\n`
      : '';
  return `${comment}const client = new ${model.sdk.clientName}();`;
}

function resourceSection(resource: ResourceModel, model: ApiModel): string {
  const lines = [`### \`client.${resource.name}\``];
  for (const operation of resource.operations) lines.push('', operationSection(resource, operation, model));
  return lines.join('\n');
}

function operationSection(resource: ResourceModel, operation: OperationModel, model: ApiModel): string {
  const title = operation.summary !== undefined ? markdownText(operation.summary) : `\`${operation.sdk.method}\``;
  const notes = [
    `\`${operation.method.toUpperCase()} ${operation.path}\``,
    ...(operation.deprecated ? ['**Deprecated.**'] : []),
    ...(operation.preview === true ? ['**Preview:** may change without notice.'] : []),
  ];
  return [
    `#### ${title}`,
    '',
    notes.join(' · '),
    '',
    '```ts',
    exampleCall(resource, operation, model),
    '```',
  ].join('\n');
}

/** One line of plain text that cannot break the Markdown around it. */
function markdownText(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/([\\`*_[\]<>#|])/g, '\\$1').trim();
}

function firstParagraph(description: string | undefined): string {
  if (description === undefined) return '';
  const paragraph = description.trim().split(/\n\s*\n/)[0] ?? '';
  return paragraph.replace(/\s+/g, ' ').replace(/</g, '&lt;');
}
