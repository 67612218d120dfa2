/**
 * Every YAML description of the corpus reads the same through both YAML readers of load/parse.ts
 * (openapi-core's js-yaml for plain YAML, the `yaml` library for the rest).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareYamlParsers } from '../helpers/yaml-parsers.ts';
import { corpusSpecs } from './specs.ts';

const yamlSpecs = corpusSpecs().filter((spec) => /\.ya?ml$/.test(spec.file));

describe('the corpus’s YAML descriptions', () => {
  it('include some to compare', () => {
    expect(yamlSpecs.length).toBeGreaterThan(3);
  });

  it.each(yamlSpecs.map((spec) => [spec.name, spec.file]))(
    '%s reads the same through both YAML readers',
    (_name, file) => {
      expect(compareYamlParsers(readFileSync(file, 'utf8'))).not.toMatch(/^differs/);
    },
  );
});
