/** The SNAP case sets most endpoints share (docs/doku.md §11.2): products build their code lists from them. */
import type { CaseKey } from './response-codes.js';

/** A B2B-token endpoint's security answers. */
export const AUTH: readonly CaseKey[] = ['401_00', '401_01', '401_03'];
/** An unreadable body, a bad field, a missing field. */
export const FORMAT: readonly CaseKey[] = ['400_00', '400_01', '400_02'];
/** Endpoints that take a customer token as well: its invalid and unknown cases too. */
export const CUSTOMER_AUTH: readonly CaseKey[] = [...AUTH, '401_02', '401_04'];
export const SERVER: readonly CaseKey[] = ['500_00', '500_01', '500_02', '504_00'];
/** A general error and a timeout. */
export const SERVER_DOWN: readonly CaseKey[] = ['500_00', '504_00'];
