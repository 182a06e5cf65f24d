/** Types for node-flags.mjs (the tests import it). */
export declare const SANDBOX_NODE_FLAGS: readonly string[];
