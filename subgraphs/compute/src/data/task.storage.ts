import type { Prisma, Task as TaskRow } from '../../../../prisma/generated/client';
import { afterCursorWhere, cursorOrderBy, type Database, type PageRequest } from '../../../platform/src';
import { taskErrorOf, type Task, type TaskCriteria } from '../domain/task';
import type { PageRows } from './page-rows';

export function toTask(row: TaskRow): Task {
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    progress: row.progress,
    targetType: row.targetType,
    targetId: row.targetId,
    hostId: row.hostId,
    message: row.message,
    error: taskErrorOf(row.errorCode, row.errorMessage),
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
  };
}

function whereOf(criteria: TaskCriteria): Prisma.TaskWhereInput {
  return {
    ...(criteria.targetId ? { targetId: criteria.targetId } : {}),
    ...(criteria.states?.length ? { state: { in: [...criteria.states] } } : {}),
  };
}

/** Tasks, listed newest first: the recent work is what a reader looks for. */
export class TaskStorage {
  constructor(private readonly db: Database) {}

  async findByIds(ids: readonly string[]): Promise<Task[]> {
    const rows = await this.db.task.findMany({ where: { id: { in: [...ids] } } });
    return rows.map(toTask);
  }

  async page(criteria: TaskCriteria, req: PageRequest): Promise<PageRows<Task>> {
    const where = whereOf(criteria);
    const [rows, totalCount] = await Promise.all([
      this.db.task.findMany({
        where: { AND: [where, afterCursorWhere(req.after, 'desc')] },
        orderBy: cursorOrderBy('desc'),
        take: req.size + 1,
      }),
      this.db.task.count({ where }),
    ]);
    return { rows: rows.map(toTask), totalCount };
  }

  /** The first page of tasks of each target, newest first, in three queries for any number of targets. */
  async firstPagesByTarget(targetIds: readonly string[], size: number): Promise<Map<string, PageRows<Task>>> {
    const ranked = await this.db.$queryRaw<{ id: string }[]>`
      SELECT id::text AS id FROM (
        SELECT id, row_number() OVER (PARTITION BY target_id ORDER BY created_at DESC, id DESC) AS rn
        FROM tasks WHERE target_id = ANY(${[...targetIds]}::text[])
      ) ranked WHERE rn <= ${size + 1}`;
    const [rows, counts] = await Promise.all([
      ranked.length
        ? this.db.task.findMany({ where: { id: { in: ranked.map((r) => r.id) } }, orderBy: cursorOrderBy('desc') })
        : Promise.resolve([]),
      this.db.task.groupBy({ by: ['targetId'], where: { targetId: { in: [...targetIds] } }, _count: { _all: true } }),
    ]);
    const pages = new Map<string, PageRows<Task>>(targetIds.map((id) => [id, { rows: [], totalCount: 0 }]));
    for (const row of rows) pages.get(row.targetId)?.rows.push(toTask(row));
    for (const count of counts) {
      const page = pages.get(count.targetId);
      if (page) page.totalCount = count._count._all;
    }
    return pages;
  }
}
