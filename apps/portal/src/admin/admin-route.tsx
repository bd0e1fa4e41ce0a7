import { NoAccessPage, type Me, type Organisation } from "@complaints/client";
import type { ReactNode } from "react";
import { DepartmentRoute } from "../app/department-route.tsx";

/** Whether the signed-in user administers their department (the permission table decides, domain roles.ts). */
export function isAdministrator(me: Pick<Me, "permissions">): boolean {
  return me.permissions.includes("organisations.manage");
}

/** `/portal/{DEPT}/admin/…`: a department page for its administrators only; anyone else is told they have no access. */
export function AdminRoute({ children }: { children: (page: { me: Me; dept: Organisation; orgCode: string }) => ReactNode }) {
  return <DepartmentRoute>{(page) => (isAdministrator(page.me) ? children(page) : <NoAccessPage />)}</DepartmentRoute>;
}

/** The administration pages' addresses, in one place. */
export const adminAddress = {
  home: (dept: string) => `/portal/${dept}/admin`,
  organisations: (dept: string) => `/portal/${dept}/admin/organisations`,
  organisation: (dept: string, org: string) => `/portal/${dept}/admin/organisations/${org}`,
  closeOrganisation: (dept: string, org: string) => `/portal/${dept}/admin/organisations/${org}/close`,
  people: (dept: string) => `/portal/${dept}/admin/people`,
  windows: (dept: string) => `/portal/${dept}/admin/windows`,
  audit: (dept: string, search = "") => `/portal/${dept}/admin/audit${search}`,
};
