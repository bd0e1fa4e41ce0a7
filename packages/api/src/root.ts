import { actionsRouter } from "./router/actions.ts";
import { authRouter } from "./router/auth.ts";
import { casesRouter } from "./router/cases.ts";
import { metricsRouter } from "./router/metrics.ts";
import { notificationsRouter } from "./router/notifications.ts";
import { organisationsRouter } from "./router/organisations.ts";
import { reportsRouter } from "./router/reports.ts";
import { returnsRouter } from "./router/returns.ts";
import { trackerRouter } from "./router/tracker.ts";
import { windowsRouter } from "./router/windows.ts";
import { createCallerFactory, router } from "./trpc.ts";

export const appRouter = router({
  auth: authRouter,
  organisations: organisationsRouter,
  windows: windowsRouter,
  returns: returnsRouter,
  tracker: trackerRouter,
  metrics: metricsRouter,
  actions: actionsRouter,
  reports: reportsRouter,
  cases: casesRouter,
  notifications: notificationsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
