/** The TypeORM entities, registered by whoever opens the application's data source. */
import { AuditLogEntry } from './modules/audit/audit-log.entity.ts';
import { AppUser } from './modules/auth/app-user.entity.ts';
import { Municipality } from './modules/reference/municipality.entity.ts';
import { Region } from './modules/reference/region.entity.ts';

export const entities = [Region, Municipality, AppUser, AuditLogEntry];
