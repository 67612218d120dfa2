/**
 * Code samples for the API reference: for every operation, a short, complete TypeScript program
 * that calls it through the generated client (import, create the client, call), and a curl
 * command that sends the same request (curl-sample.ts). The call is the README's example of the
 * operation (readme-examples.ts), so README and docs show the same code, with the spec's request
 * examples as bodies and parameters.
 *
 * scripts/docs.ts adds them to the bundled spec as `x-codeSamples` (which Redoc renders next to
 * each operation); the spec in `spec/` stays free of them.
 */
import type { ApiModel, OperationModel, ResourceModel } from '../model/types.ts';
import { CODE_SAMPLE_LABEL, CURL_SAMPLE_LABEL } from './code-sample-labels.ts';
import { curlSample } from './curl-sample.ts';
import { exampleCall, importStatement, uncallableNote } from './readme-examples.ts';

/** An `x-codeSamples` entry: https://redocly.com/docs-legacy/api-reference-docs/specification-extensions/x-code-samples */
export interface CodeSample {
  lang: 'TypeScript' | 'Shell';
  label: string;
  source: string;
}

/** The samples of one operation, keyed as the spec keys it: lower-case method and path. */
export interface OperationCodeSamples {
  method: string;
  path: string;
  samples: CodeSample[];
}

/**
 * The import and the line that creates a client, naming the environment variables it reads: for
 * an operation, also those of the other credentials its first security alternative takes.
 */
export function constructClient(
  model: Pick<ApiModel, 'sdk' | 'tokenAuth' | 'credentials'>,
  operation?: Pick<OperationModel, 'credentialAlternatives'>,
): string {
  const { clientName, packageName, envPrefix } = model.sdk;
  const sent = new Set(operation?.credentialAlternatives?.[0] ?? []);
  const variables = [
    // The client reads its token when it takes one (the scheme the model chose).
    ...(model.tokenAuth === undefined ? [] : [`${envPrefix}_TOKEN`]),
    ...model.credentials.flatMap((credential) =>
      sent.has(credential.schemeName) && credential.envVar !== undefined ? [credential.envVar] : [],
    ),
    ...model.sdk.clientOptions.map((option) => option.envVar),
  ];
  const comment =
    variables.length > 0 ? `// Reads ${joinAnd(variables)} from the environment.\n` : '';
  return `${importStatement([clientName], packageName)}\n\n${comment}const client = new ${clientName}();`;
}

/** A complete program that calls `operation`: the client's construction, then the README's call. */
export function operationCodeSample(
  resource: ResourceModel,
  operation: OperationModel,
  model: ApiModel,
): string {
  const uncallable = uncallableNote(operation);
  if (uncallable !== undefined) return `// ${uncallable}`;
  const call = exampleCall(resource, operation, model);
  // The README's call assigns the result; show what came back, as the README's list example does.
  const result = /^const (\w+) = await /.exec(call)?.[1];
  return `${constructClient(model, operation)}\n\n${call}${result === undefined ? '' : `\nconsole.log(${result});`}`;
}

/** The code samples of every operation of the model. */
export function codeSamples(model: ApiModel): OperationCodeSamples[] {
  return model.resources.flatMap((resource) =>
    resource.operations.map((operation) => ({
      method: operation.method,
      path: operation.path,
      samples: [
        {
          lang: 'TypeScript' as const,
          label: CODE_SAMPLE_LABEL,
          source: operationCodeSample(resource, operation, model),
        },
        { lang: 'Shell' as const, label: CURL_SAMPLE_LABEL, source: curlSample(operation, model) },
      ],
    })),
  );
}

/** `a`, `a and b`, `a, b and c`. */
export function joinAnd(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;
}
