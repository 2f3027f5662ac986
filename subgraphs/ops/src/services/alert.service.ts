import { authorize, pageRequest, type Connection, type PageArgs } from '../../../platform/src';
import type { Alert, AlertFilter, AlertRule } from '../domain/alert';
import type { AlertStorage } from '../data/alert.storage';
import type { OpsContext } from '../ops-context';

export class AlertService {
  constructor(private readonly alerts: AlertStorage) {}

  /** Alerts newest first, filtered by state, severity and source. */
  async page(ctx: OpsContext, filter: AlertFilter | null | undefined, args: PageArgs): Promise<Connection<Alert>> {
    authorize(ctx, 'alert:read');
    return this.alerts.page(filter ?? {}, pageRequest(args));
  }

  async byId(ctx: OpsContext, id: string): Promise<Alert | null> {
    authorize(ctx, 'alert:read');
    return ctx.loaders.alert.load(id);
  }

  async rules(ctx: OpsContext): Promise<AlertRule[]> {
    authorize(ctx, 'alertRule:read');
    return this.alerts.rules();
  }

  async ruleById(ctx: OpsContext, id: string): Promise<AlertRule | null> {
    authorize(ctx, 'alertRule:read');
    return ctx.loaders.alertRule.load(id);
  }

  /** The rule that raised an alert; null for alerts raised without one, or a deleted rule. */
  async ruleOf(ctx: OpsContext, alert: Alert): Promise<AlertRule | null> {
    return alert.ruleId ? this.ruleById(ctx, alert.ruleId) : null;
  }
}
