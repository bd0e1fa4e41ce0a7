import { NoAccess, PageNotFound } from "@complaints/ui";
import { usePageTitle } from "../app/page-title.ts";

export function NotFoundPage() {
  usePageTitle("Page not found");
  return <PageNotFound homeHref="/portal/" homeText="Go to your department" />;
}

export function NoAccessPage() {
  usePageTitle("You do not have access");
  return <NoAccess homeHref="/portal/" homeText="Go to your department" />;
}
