/** The error classes on their own: hierarchy, messages, fields read from a body, JSON form. */
import { describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  InternalServerError,
  InvalidResponseError,
  NotFoundError,
  describeIssues,
  ResponseValidationError,
  SDKError,
} from '../../templates/runtime/errors.ts';

describe('APIError', () => {
  it.each<[number, string, unknown, string]>([
    [404, 'Not Found', { message: 'No such plan.' }, '404 Not Found: No such plan.'],
    [
      500,
      'Internal Server Error',
      { error: { message: 'nested' } },
      '500 Internal Server Error: nested',
    ],
    [418, "I'm a Teapot", { a: 1 }, `418 I'm a Teapot: {"a":1}`],
    [502, 'Bad Gateway', '', '502 Bad Gateway'],
    [503, 'Service Unavailable', undefined, '503 Service Unavailable'],
    // helper-107: an event stream's error body kept its trailing blank lines in the message.
    [500, 'Internal Server Error', 'data: err\n\n', '500 Internal Server Error: data: err'],
    [502, 'Bad Gateway', ' \n\n ', '502 Bad Gateway'],
    [400, 'Bad Request', 'x'.repeat(600), `400 Bad Request: ${'x'.repeat(500)}…`],
    [404, '', { message: 'No reason phrase (HTTP/2).' }, '404: No reason phrase (HTTP/2).'],
  ])('describes %i %j with %j as %j', (status, statusText, body, message) => {
    expect(APIError.describe(status, body, statusText)).toBe(message);
  });

  it('generates the subclass for a status, 5xx included', () => {
    expect(APIError.generate(404, {}, {})).toBeInstanceOf(NotFoundError);
    expect(APIError.generate(599, {}, {})).toBeInstanceOf(InternalServerError);
    expect(APIError.generate(418, {}, {}).constructor).toBe(APIError);
  });

  it('has a name, and toString() and JSON without anything but what the server sent', () => {
    const error = APIError.generate(
      404,
      { message: 'gone', type: 'notFound' },
      { 'request-id': 'r1' },
      APIError.describe(404, { message: 'gone' }, 'Not Found'),
    );
    error.idempotencyKey = 'k';
    expect(String(error)).toBe('NotFoundError: 404 Not Found: gone');
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'NotFoundError',
      message: '404 Not Found: gone',
      status: 404,
      body: { message: 'gone', type: 'notFound' },
      headers: { 'request-id': 'r1' },
      requestID: 'r1',
      idempotencyKey: 'k',
    });
  });

  it('has no idempotency key property until the client sets one', () => {
    expect(Object.keys(new SDKError('x'))).not.toContain('idempotencyKey');
  });
});

describe('the other errors', () => {
  it('form the hierarchy the README shows', () => {
    expect(new APIConnectionTimeoutError(5)).toBeInstanceOf(APIConnectionError);
    expect(new APIConnectionError()).toBeInstanceOf(SDKError);
    expect(new APIUserAbortError()).toBeInstanceOf(SDKError);
    const invalid = new ResponseValidationError(
      'GET /p',
      'Plan',
      [{ path: '/id', expected: 'string', found: '3' }],
      200,
      { 'x-request-id': 'q' },
      { id: 3 },
    );
    expect(invalid).toBeInstanceOf(InvalidResponseError);
    expect(invalid).toMatchObject({
      name: 'ResponseValidationError',
      status: 200,
      requestID: 'q',
      schema: 'Plan',
      body: { id: 3 },
    });
    expect(invalid.message).toBe(
      'The response of GET /p does not match Plan: /id: expected string, found 3',
    );
  });
});

describe('describeIssues', () => {
  it('lists the first three issues and counts the rest', () => {
    const issues = ['', '/a', '/b', '/c', '/d'].map((path) => ({
      path,
      expected: 'string',
      found: 'null',
    }));
    expect(describeIssues(issues)).toBe(
      '(root): expected string, found null; /a: expected string, found null; /b: expected string, found null; … (5 issues)',
    );
    expect(describeIssues(issues.slice(1, 2))).toBe('/a: expected string, found null');
  });
});
