import { describeEventStoreContract } from '../src/contract/event-store.contract';
import { storeHarness } from './harness';

describeEventStoreContract('PostgreSQL', () => storeHarness());
describeEventStoreContract('PostgreSQL with group commit', () => storeHarness({ groupCommit: true }));
