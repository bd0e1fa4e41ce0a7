export * from "./sample-pack.ts";
export * from "./libreoffice.ts";
export * from "./pdf.ts";
