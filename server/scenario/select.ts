/**
 * Which scenario applies to a request. Precedence: the `X-Mock-Scenario` request header, then the
 * scenario a payment was created with (sticky: its status checks and refunds follow it), then the
 * global one set through the admin API: the merchant's own, else the sandbox's. An unknown name, or a header scenario that says nothing
 * about this endpoint, is a MockError listing the valid names: never a silent fallback.
 */
import { MockError } from './mock-error.js';
import type { ScenarioSet } from './load.js';
import type { Chosen, Scenario } from './types.js';

export type { Chosen };

export class ScenarioState {
  global: Scenario | undefined;
  /** a merchant's own global scenario (PUT /__mock/scenario with a clientId), before the sandbox's */
  readonly perMerchant = new Map<string, Scenario>();
  constructor(readonly set: ScenarioSet) {}

  globalOf(clientId: string | undefined): Scenario | undefined {
    return (clientId === undefined ? undefined : this.perMerchant.get(clientId)) ?? this.global;
  }

  /**
   * The scenario for one request to `endpoint`, resolved once: the header's, else the one its
   * payment was created with (`sticky`, asked only when there is no header), else the global one.
   */
  resolve(headerName: string | undefined, endpoint: string, sticky: () => string | undefined, clientId?: string): Chosen | undefined {
    if (headerName !== undefined) {
      const scenario = this.set.get(headerName);
      if (!scenario) throw new MockError(`unknown scenario "${headerName.slice(0, 80)}"`, { known: this.namesFor(endpoint) });
      const rule = scenario.apply[endpoint];
      if (!rule)
        throw new MockError(
          `scenario "${scenario.name}" does not apply to ${endpoint}; it applies to ${Object.keys(scenario.apply).join(', ')}`,
          { known: this.namesFor(endpoint) },
        );
      return { scenario, rule, via: 'header' };
    }
    const name = sticky();
    const own = name ? this.set.get(name) : undefined;
    if (own?.apply[endpoint]) return { scenario: own, rule: own.apply[endpoint]!, via: 'sticky' };
    const global = this.globalOf(clientId);
    const rule = global?.apply[endpoint];
    return rule && global ? { scenario: global, rule, via: 'global' } : undefined;
  }

  namesFor(endpoint: string): string[] {
    return this.set.list.filter((s) => s.apply[endpoint]).map((s) => s.name);
  }
}
