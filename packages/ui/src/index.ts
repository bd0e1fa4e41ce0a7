// GOV.UK Frontend and MOJ Frontend components as React, one folder per component.
export * from "./button/button.tsx";
export * from "./shared/attributes.ts";
