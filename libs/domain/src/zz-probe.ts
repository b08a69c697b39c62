import { Pool } from 'pg'; export const p = Pool;
