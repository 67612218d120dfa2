/**
 * A field an OpenAPI object does not have (misspelt-fields.yaml: `paramters`, `requestbody`,
 * `contents`, `Get`, Swagger 2.0's `produces`) is warned about at its place with the field it most
 * likely means (helper-114 4): it was ignored silently, and the SDK lacked what it held. Extensions
 * (`x-…`) are no such field. `--strict` makes each an error.
 */
import { describe, expect, it } from 'vitest';
import { fixtureModel } from '../model/fixture-model.ts';

describe('fields no OpenAPI object has', () => {
  it('are each warned about, at their place, with the field meant', async () => {
    const model = await fixtureModel('misspelt-fields.yaml');
    const fields = model.warnings
      .filter((warning) => warning.key.startsWith('field:'))
      .map((warning) => [
        warning.key,
        warning.location.pointer,
        /did you mean `([^`]+)`/.exec(warning.message)?.[1],
      ]);
    expect(fields).toEqual([
      ['field:OpenAPI:infos', '#/infos', 'info'],
      ['field:Path Item:Get', '#/paths/~1a/Get', 'get'],
      ['field:Operation:produces', '#/paths/~1a/post/produces', undefined],
      ['field:Operation:paramters', '#/paths/~1a/post/paramters', 'parameters'],
      ['field:Operation:requestbody', '#/paths/~1a/post/requestbody', 'requestBody'],
      ['field:Response:contents', '#/paths/~1a/post/responses/200/contents', 'content'],
      ['field:Parameter:explod', '#/components/parameters/Limit/explod', 'explode'],
    ]);
    expect(model.warnings.find((w) => w.key === 'field:Operation:paramters')!.message).toMatch(
      /misspelt-fields\.yaml(:\d+:\d+)? #\/paths\/~1a\/post\/paramters: `paramters` is no field of an Operation Object \(OpenAPI\): it is ignored, and what it holds is not in the SDK\n {2}fix: did you mean `parameters`\?/,
    );
  });

  it('are errors with --strict', async () => {
    await expect(fixtureModel('misspelt-fields.yaml', true)).rejects.toThrow(
      /`paramters` is no field of an Operation Object/,
    );
  });
});
