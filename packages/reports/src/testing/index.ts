export * from "./sample-pack.ts";
