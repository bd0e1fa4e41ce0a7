import type { UserConfig } from "vite";
export declare function browserAppConfig(appDir: string, base: string): UserConfig;
