import type { Type } from '@nestjs/common';
import { CollectionActionsController } from './collection-actions.controller';
import { CollectionsController } from './collections.controller';

/** The collection routes, served by collections over NATS. */
export const COLLECTION_CONTROLLERS: Type[] = [CollectionsController, CollectionActionsController];
