export * from "@complaints/e2e";
