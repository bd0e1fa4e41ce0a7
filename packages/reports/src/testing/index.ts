export * from "./sample-pack.ts";
export * from "./pdf.ts";
