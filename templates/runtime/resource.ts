/** Public: the base class of every generated resource class (`client.plans`, …). */
import type { ClientCore } from './core.ts';

export abstract class APIResource {
  protected readonly _client: ClientCore;

  constructor(client: ClientCore) {
    this._client = client;
  }
}
