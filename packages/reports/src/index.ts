export * from "./model.ts";
export * from "./cells.ts";
export * from "./tidy.ts";
export * from "./build/input.ts";
export * from "./build/board-pack.ts";
