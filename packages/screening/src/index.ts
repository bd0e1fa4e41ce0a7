export * from "./decode.ts";
export * from "./cases/case-file.ts";
