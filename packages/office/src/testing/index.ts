export * from "./readback.ts";
export * from "./gss.ts";
export * from "./libreoffice.ts";
export * from "./hostile.ts";
