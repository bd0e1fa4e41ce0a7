import { NoAccess, PageNotFound } from "@complaints/ui";
import { usePageTitle } from "../app/page-title.ts";

export function NotFoundPage() {
  usePageTitle("Page not found");
  return <PageNotFound homeHref="/agency/" homeText="Go to your organisations" />;
}

export function NoAccessPage() {
  usePageTitle("You do not have access");
  return <NoAccess homeHref="/agency/" homeText="Go to your organisations" />;
}
