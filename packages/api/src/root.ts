import { accountRouter } from "./router/account.ts";
import { actionsRouter } from "./router/actions.ts";
import { auditRouter } from "./router/audit.ts";
import { authRouter } from "./router/auth.ts";
import { casesRouter } from "./router/cases.ts";
import { metricsRouter } from "./router/metrics.ts";
import { notificationsRouter } from "./router/notifications.ts";
import { organisationsRouter } from "./router/organisations.ts";
import { reportsRouter } from "./router/reports.ts";
import { returnsRouter } from "./router/returns.ts";
import { serviceInfoRouter } from "./router/service-info.ts";
import { trackerRouter } from "./router/tracker.ts";
import { usersRouter } from "./router/users.ts";
import { windowsRouter } from "./router/windows.ts";
import { createCallerFactory, router } from "./trpc.ts";

export const appRouter = router({
  auth: authRouter,
  account: accountRouter,
  service: serviceInfoRouter,
  organisations: organisationsRouter,
  windows: windowsRouter,
  returns: returnsRouter,
  tracker: trackerRouter,
  metrics: metricsRouter,
  actions: actionsRouter,
  reports: reportsRouter,
  cases: casesRouter,
  users: usersRouter,
  audit: auditRouter,
  notifications: notificationsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
