import type { ReactNode } from "react";
import { Link, NavLink } from "react-router";
import { serviceName } from "./page-title.ts";

/**
 * The page frame every page shares: skip link, the generic header (an internal service, not a page
 * on GOV.UK), service navigation, and the main content area the skip link reaches.
 */
export function Layout({ children, navigation }: { children: ReactNode; navigation?: { href: string; text: string }[] }) {
  return (
    <>
      <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link">
        Skip to main content
      </a>
      <div className="govuk-generic-header">
        <div className="govuk-generic-header__container govuk-width-container">
          <div className="govuk-generic-header__logo">
            <Link to="/" className="govuk-generic-header__homepage-link">
              Complaints oversight
            </Link>
          </div>
        </div>
      </div>
      <section aria-label="Service information" className="govuk-service-navigation" data-module="govuk-service-navigation">
        <div className="govuk-width-container">
          <div className="govuk-service-navigation__container">
            <span className="govuk-service-navigation__service-name">
              <Link to="/" className="govuk-service-navigation__link">
                {serviceName}
              </Link>
            </span>
            {navigation && navigation.length > 0 ? (
              <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
                <ul className="govuk-service-navigation__list" id="navigation">
                  {navigation.map((item) => (
                    <li key={item.href} className="govuk-service-navigation__item">
                      <NavLink className="govuk-service-navigation__link" to={item.href} end>
                        {item.text}
                      </NavLink>
                    </li>
                  ))}
                </ul>
              </nav>
            ) : null}
          </div>
        </div>
      </section>
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content" tabIndex={-1}>
          {children}
        </main>
      </div>
      <footer className="govuk-footer">
        <div className="govuk-width-container">
          <div className="govuk-footer__meta">
            <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
              <p className="govuk-body-s">Synthetic demo data: never load it into a real system.</p>
            </div>
          </div>
        </div>
      </footer>
    </>
  );
}
