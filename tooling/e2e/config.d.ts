export declare const e2eTestSettings: { include: string[]; testTimeout: number; globalSetup: string[] };
