/**
 * The type of an error response's body, as the spec declares it: the union of the JSON schemas
 * of its 4xx, 5xx and `default` responses. This file is a stand-in for the runtime's own tests;
 * the generated package has its own, written by the client emitter from the spec.
 */
export type ErrorBody = unknown;
