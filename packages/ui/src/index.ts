// GOV.UK Frontend and MOJ Frontend components as React, one folder per component.
export * from "./back-link/back-link.tsx";
export * from "./button/button.tsx";
export * from "./details/details.tsx";
export * from "./generic-header/generic-header.tsx";
export * from "./inset-text/inset-text.tsx";
export * from "./notification-banner/notification-banner.tsx";
export * from "./organisation-switcher/organisation-switcher.tsx";
export * from "./panel/panel.tsx";
export * from "./service-navigation/service-navigation.tsx";
export * from "./skip-link/skip-link.tsx";
export * from "./summary-list/summary-list.tsx";
export * from "./table/table.tsx";
export * from "./task-list/task-list.tsx";
export * from "./timeline/timeline.tsx";
export * from "./warning-text/warning-text.tsx";
export * from "./shared/attributes.ts";
export * from "./shared/link.tsx";
