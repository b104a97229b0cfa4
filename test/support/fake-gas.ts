/**
 * The counting fake of the Apps Script services: see fake-gas/index.ts (one module per job).
 * This file keeps the historical import path working.
 */
export * from './fake-gas/index';
