export * from "./sample-pack.ts";
export * from "./pdf.ts";
export * from "./gss.ts";
