import { publishedLearning } from "@complaints/api";
import type { Database, Kysely } from "@complaints/db";
import { publishedLearningCss, publishedLearningCsv, publishedLearningCsvFileName, publishedLearningHtml } from "@complaints/reports";
import { Hono } from "hono";

/**
 * Pages anyone may read without signing in, mounted at `/published`: a body's or a department's
 * published learning ("you said, we did", DESIGN.md section 4) as HTML and CSV, and the page's
 * stylesheet. No session is read and no cookie set; answers may be kept for five minutes by browsers
 * and shared caches, so a link from a busy website costs little.
 */
export interface PublishedOptions {
  db: Kysely<Database>;
  clock: () => Date;
  /** The server's plain "page not found" page. */
  notFoundPage: () => string;
}

const cacheControl = "public, max-age=300";

export function publishedRoutes({ db, clock, notFoundPage }: PublishedOptions): Hono {
  const routes = new Hono();

  routes.get("/learning.css", (c) => c.body(publishedLearningCss, 200, { "Content-Type": "text/css; charset=utf-8", "Cache-Control": cacheControl }));

  const load = async (code: string) => {
    const now = clock();
    const learning = await publishedLearning(db, code, now);
    return learning ? { ...learning, produced: now.toISOString() } : null;
  };

  routes.get("/:org/learning", async (c) => {
    const input = await load(c.req.param("org"));
    if (!input) return c.html(notFoundPage(), 404);
    return c.html(publishedLearningHtml(input), 200, { "Cache-Control": cacheControl });
  });

  routes.get("/:org/learning.csv", async (c) => {
    const input = await load(c.req.param("org"));
    if (!input) return c.html(notFoundPage(), 404);
    // A copy typed as Hono wants (a Uint8Array over a plain ArrayBuffer).
    return c.body(new Uint8Array(publishedLearningCsv(input)), 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${publishedLearningCsvFileName(input)}"`,
      "Cache-Control": cacheControl,
    });
  });

  routes.get("*", (c) => c.html(notFoundPage(), 404));
  return routes;
}
