export * from "./model.ts";
export * from "./cells.ts";
export * from "./tidy.ts";
export * from "./annual-report.ts";
