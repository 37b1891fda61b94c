import { Foundation1764150000000 } from './1764150000000-foundation';

/** Every migration, in order. A new migration is added here (explicit beats a glob across src and dist). */
export const MIGRATIONS = [Foundation1764150000000];
