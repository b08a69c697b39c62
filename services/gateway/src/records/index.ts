import type { Type } from '@nestjs/common';
import { ErasureController } from './erasure.controller';
import { RecordsController } from './records.controller';

/** Records management's routes (legal holds, retention), served by audit over NATS. */
export const RECORDS_CONTROLLERS: Type[] = [RecordsController, ErasureController];
