export * from "./model.ts";
export * from "./cells.ts";
export * from "./tidy.ts";
export * from "./writers/csv.ts";
export * from "./learning-page.ts";
export * from "./learning-page-styles.ts";
