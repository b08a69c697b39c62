import { describeEventStoreContract } from '../src/contract/event-store.contract';
import { storeHarness } from './harness';

describeEventStoreContract('PostgreSQL', storeHarness);
