/**
 * An acronym's plural (`URLs`, `APIs`, `IDs`, `VirtualWANs`, `VMs`) is one word: before, the
 * split before the last capital made `UR Ls`, so a tag `APIs` gave `client.apIs` in `ap-is.ts`,
 * `VirtualWANs` gave `virtual-wa-ns.ts`, and the environment variable of a client named `URLs` API
 * was `UR_LS_…`. A capital run before a word (`HTTPServer`, `SSHKeys`) still splits as before.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { pascalCase, words } from '../../generator/model/names.ts';
import {
  kebabCase,
  methodName,
  resourceName,
  upperSnake,
} from '../../generator/model/sdk-names.ts';
import { removeTempDirs } from '../generator/helpers.ts';
import { diagnostics, specPackage } from './package.ts';

afterAll(removeTempDirs);

describe('an acronym’s plural', () => {
  it.each([
    ['URLs', ['URLs'], 'urls', 'URLs', 'urls', 'URLS'],
    ['APIs', ['APIs'], 'apis', 'APIs', 'apis', 'APIS'],
    [
      'VirtualWANs',
      ['Virtual', 'WANs'],
      'virtualWANs',
      'VirtualWANs',
      'virtual-wans',
      'VIRTUAL_WANS',
    ],
    [
      'getUserIDs',
      ['get', 'User', 'IDs'],
      'getUserIDs',
      'GetUserIDs',
      'get-user-ids',
      'GET_USER_IDS',
    ],
    [
      'listVMsByGroup',
      ['list', 'VMs', 'By', 'Group'],
      'listVMsByGroup',
      'ListVMsByGroup',
      'list-vms-by-group',
      'LIST_VMS_BY_GROUP',
    ],
    // Not plurals: split before the word the capitals lead into, as before.
    ['HTTPServer', ['HTTP', 'Server'], 'httpServer', 'HTTPServer', 'http-server', 'HTTP_SERVER'],
    ['SSHKeys', ['SSH', 'Keys'], 'sshKeys', 'SSHKeys', 'ssh-keys', 'SSH_KEYS'],
    [
      'APIsettings',
      ['AP', 'Isettings'],
      'apIsettings',
      'APIsettings',
      'ap-isettings',
      'AP_ISETTINGS',
    ],
  ])('%s is %j', (text, list, camel, pascal, kebab, snake) => {
    expect(words(text)).toEqual(list);
    expect(resourceName(text)).toBe(camel);
    expect(methodName(text)).toBe(camel);
    expect(pascalCase(text)).toBe(pascal);
    expect(kebabCase(text)).toBe(kebab);
    expect(upperSnake(text)).toBe(snake);
  });

  it('names resources and their files as one word, in a package that compiles', async () => {
    const op = (operationId: string, tag: string) => ({
      operationId,
      tags: [tag],
      responses: { '200': { description: 'ok' } },
    });
    const pkg = await specPackage({
      openapi: '3.0.3',
      info: { title: 'Gateway', version: '1' },
      paths: {
        '/links': { get: op('listURLs', 'URLs') },
        '/wans': { get: op('listVirtualWANs', 'VirtualWANs') },
      },
    });
    expect(pkg.model.operations.map((o) => `${o.sdk.resource}.${o.sdk.method}`)).toEqual([
      'urls.list',
      'virtualWANs.list',
    ]);
    const files = [...pkg.files.keys()].filter((path) => path.startsWith('src/resources/'));
    expect(files.sort()).toEqual([
      'src/resources/index.ts',
      'src/resources/urls.ts',
      'src/resources/virtual-wans.ts',
    ]);
    expect(diagnostics(pkg)).toEqual([]);
  });
});
