export * from "./auth.tsx";
export * from "./query.ts";
export * from "./sign-in.tsx";
export * from "./trpc.ts";
export * from "./organisation.tsx";
export * from "./file-bytes.ts";
