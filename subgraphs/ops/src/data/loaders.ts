import DataLoader from 'dataloader';
import type { Database } from '../../../platform/src';
import { isUuid } from '../domain/ids';
import type { Alert, AlertRule } from '../domain/alert';
import type { Project } from '../domain/project';
import type { User } from '../domain/user';
import { AlertStorage } from './alert.storage';
import { ProjectStorage } from './project.storage';
import { UserStorage } from './user.storage';

/**
 * One query per batch (`id IN (...)`), results reordered by key; malformed ids resolve to
 * null without reaching the database, which would reject them as uuids.
 */
function byId<T extends { id: string }>(fetch: (ids: readonly string[]) => Promise<T[]>): DataLoader<string, T | null> {
  return new DataLoader(async (keys) => {
    const valid = keys.filter(isUuid);
    const found = new Map((valid.length ? await fetch(valid) : []).map((row) => [row.id, row]));
    return keys.map((k) => found.get(k) ?? null);
  });
}

export interface OpsLoaders {
  user: DataLoader<string, User | null>;
  project: DataLoader<string, Project | null>;
  alert: DataLoader<string, Alert | null>;
  alertRule: DataLoader<string, AlertRule | null>;
}

/** Per-request loaders, built in the context factory so nothing is cached across requests. */
export function createLoaders(db: Database): OpsLoaders {
  const users = new UserStorage(db);
  const projects = new ProjectStorage(db);
  const alerts = new AlertStorage(db);
  return {
    user: byId((ids) => users.findByIds(ids)),
    project: byId((ids) => projects.findByIds(ids)),
    alert: byId((ids) => alerts.findByIds(ids)),
    alertRule: byId((ids) => alerts.rulesByIds(ids)),
  };
}
