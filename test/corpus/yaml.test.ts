/**
 * Every YAML description of the corpus reads the same through both YAML readers of load/parse.ts
 * (openapi-core's js-yaml for plain YAML, the `yaml` library for the rest).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareYamlParsers } from '../helpers/yaml-parsers.ts';
import { corpusSpecs, isDefaultCorpus } from './specs.ts';

const yamlSpecs = corpusSpecs().filter((spec) => /\.ya?ml$/.test(spec.file));

describe('the corpus’s YAML descriptions', () => {
  it('include some to compare', () => {
    // The default corpus holds several YAML descriptions: none found means the filter is wrong. A
    // folder named by CORPUS_SPECS may hold JSON ones only; it must hold some description at all.
    if (isDefaultCorpus()) expect(yamlSpecs.length).toBeGreaterThan(3);
    else expect(corpusSpecs().length, 'descriptions in the CORPUS_SPECS folder').toBeGreaterThan(0);
  });

  it.each(yamlSpecs.map((spec) => [spec.name, spec.file]))(
    '%s reads the same through both YAML readers',
    (_name, file) => {
      expect(compareYamlParsers(readFileSync(file, 'utf8'))).not.toMatch(/^differs/);
    },
  );
});
