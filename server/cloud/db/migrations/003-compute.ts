import type { Migration } from './index.ts';

// Tables for compute: filled by the engineer who owns that area.
const migrations: Migration[] = [];
export default migrations;
