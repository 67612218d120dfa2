/**
 * The labels of the two code samples each operation gets in the docs (`x-codeSamples`): a module
 * of its own, so the docs command can name them in Redoc's options without loading the emitters.
 */
export const CODE_SAMPLE_LABEL = 'TypeScript SDK';
export const CURL_SAMPLE_LABEL = 'curl';
