import { Route } from "react-router";
import { NotificationPreferencesPage } from "./account-notifications.tsx";
import { AccountPage } from "./account-page.tsx";
import { standardPagePaths } from "./app-frame.tsx";
import { RequireSignIn } from "./auth.tsx";
import { AccessibilityStatementPage, CookiesPage, HelpPage, PrivacyNoticePage } from "./standard-pages.tsx";

/**
 * The pages both apps have at the same addresses: the person's account (`/account`, signed in) and
 * the standard pages every GOV.UK service links from its footer, which anyone can read.
 */
export const standardPageRoutes = (
  <>
    <Route path="/account" element={<RequireSignIn>{(me) => <AccountPage me={me} />}</RequireSignIn>} />
    <Route path="/account/notifications" element={<RequireSignIn>{() => <NotificationPreferencesPage />}</RequireSignIn>} />
    <Route path={standardPagePaths.help} element={<HelpPage />} />
    <Route path={standardPagePaths.accessibility} element={<AccessibilityStatementPage />} />
    <Route path={standardPagePaths.privacy} element={<PrivacyNoticePage />} />
    <Route path={standardPagePaths.cookies} element={<CookiesPage />} />
  </>
);
