export * from "./sample-pack.ts";
export * from "./libreoffice.ts";
export * from "./pdf.ts";
export * from "./readback.ts";
export * from "./gss.ts";
