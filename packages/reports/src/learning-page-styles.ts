/**
 * The published learning page's stylesheet, served at `/published/learning.css`. A small copy of
 * the GOV.UK Frontend rules the page uses (typography scale, link states and focus, skip link,
 * width container, summary list, footer; govuk-frontend 6 `core/`, `objects/` and
 * `components/summary-list`), so the page needs no build and no fonts: services outside GOV.UK use
 * Arial ("Typeface", GOV.UK Design System). Mobile first; wider screens from 641px as govuk-frontend's
 * "tablet" breakpoint. Readable at 320px without scrolling sideways (WCAG 2.2 1.4.10 Reflow).
 */
export const publishedLearningCss = `
html.govuk-template { background-color: #f3f2f1; -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
.govuk-template__body { margin: 0; background-color: #ffffff; color: #0b0c0c; font-family: Arial, sans-serif; -webkit-font-smoothing: antialiased; }
*, *::before, *::after { box-sizing: border-box; }

.govuk-skip-link { position: absolute !important; width: 1px !important; height: 1px !important; margin: 0 !important; overflow: hidden !important; clip: rect(0 0 0 0) !important; clip-path: inset(50%) !important; white-space: nowrap !important; display: block; padding: 10px 15px; font-size: 16px; line-height: 1.25; color: #0b0c0c; text-decoration: underline; }
.govuk-skip-link:focus { position: static !important; width: auto !important; height: auto !important; margin: inherit !important; overflow: visible !important; clip: auto !important; clip-path: none !important; white-space: inherit !important; outline: 3px solid #ffdd00; outline-offset: 0; background-color: #ffdd00; box-shadow: 0 -2px #ffdd00, 0 4px #0b0c0c; text-decoration: none; }

.govuk-width-container { max-width: 960px; margin: 0 15px; }
@media (min-width: 40.0625em) { .govuk-width-container { margin: 0 30px; } }
@media (min-width: 1020px) { .govuk-width-container { margin: 0 auto; } }
.govuk-main-wrapper { display: block; padding-top: 20px; padding-bottom: 20px; }
@media (min-width: 40.0625em) { .govuk-main-wrapper { padding-top: 40px; padding-bottom: 40px; } }

.app-published-header { background-color: #0b0c0c; color: #ffffff; border-bottom: 10px solid #1d70b8; }
.app-published-header__name { margin: 0; padding: 12px 0; font-size: 19px; font-weight: 700; line-height: 1.3; }

.govuk-heading-xl, .govuk-heading-l, .govuk-heading-m, .govuk-heading-s { margin-top: 0; font-weight: 700; color: #0b0c0c; overflow-wrap: break-word; }
.govuk-heading-xl { font-size: 32px; line-height: 1.09; margin-bottom: 30px; }
.govuk-heading-l { font-size: 27px; line-height: 1.11; margin-bottom: 20px; }
.govuk-heading-m { font-size: 21px; line-height: 1.14; margin-bottom: 15px; }
.govuk-heading-s { font-size: 19px; line-height: 1.26; margin-bottom: 15px; }
.govuk-caption-xl { display: block; margin-bottom: 5px; font-size: 18px; line-height: 1.1; color: #484949; }
.govuk-body, .govuk-list { margin-top: 0; margin-bottom: 15px; font-size: 16px; line-height: 1.25; color: #0b0c0c; }
.govuk-body-l { margin-top: 0; margin-bottom: 20px; font-size: 18px; line-height: 1.33; }
.govuk-body-s { margin: 0; font-size: 14px; line-height: 1.43; }
.govuk-list { padding-left: 0; list-style-type: none; }
.govuk-list--bullet { padding-left: 20px; list-style-type: disc; }
.govuk-list > li { margin-bottom: 5px; }
@media (min-width: 40.0625em) {
  .govuk-heading-xl { font-size: 48px; line-height: 1.04; margin-bottom: 50px; }
  .govuk-heading-l { font-size: 36px; line-height: 1.11; margin-bottom: 30px; }
  .govuk-heading-m { font-size: 24px; line-height: 1.25; margin-bottom: 20px; }
  .govuk-heading-s { font-size: 19px; line-height: 1.32; }
  .govuk-caption-xl { font-size: 27px; line-height: 1.11; }
  .govuk-body, .govuk-list { font-size: 19px; line-height: 1.32; margin-bottom: 20px; }
  .govuk-body-l { font-size: 24px; line-height: 1.25; margin-bottom: 30px; }
  .govuk-body-s { font-size: 16px; line-height: 1.25; }
}

.govuk-link { color: #1d70b8; text-decoration: underline; text-decoration-thickness: max(1px, .0625rem); text-underline-offset: .1578em; }
.govuk-link:visited { color: #4c2c92; }
.govuk-link:hover { color: #0f385c; text-decoration-thickness: max(3px, .1875rem); }
.govuk-link:focus { outline: 3px solid transparent; color: #0b0c0c; background-color: #ffdd00; box-shadow: 0 -2px #ffdd00, 0 4px #0b0c0c; text-decoration: none; }

.app-learning-body { margin-top: 30px; padding-top: 30px; border-top: 2px solid #b1b4b6; }
.app-learning-item { margin-bottom: 30px; }
.govuk-summary-list { margin: 0 0 20px; font-size: 16px; line-height: 1.25; }
.govuk-summary-list__row { border-bottom: 1px solid #cecece; margin-bottom: 15px; }
.govuk-summary-list__key, .govuk-summary-list__value { margin: 0; overflow-wrap: break-word; }
.govuk-summary-list__key { margin-bottom: 5px; font-weight: 700; }
.govuk-summary-list__value { margin-bottom: 15px; }
@media (min-width: 40.0625em) {
  .govuk-summary-list { display: table; width: 100%; table-layout: fixed; border-collapse: collapse; font-size: 19px; line-height: 1.32; margin-bottom: 30px; }
  .govuk-summary-list__row { display: table-row; margin-bottom: 0; }
  .govuk-summary-list__key, .govuk-summary-list__value { display: table-cell; padding: 10px 20px 10px 0; margin: 0; }
  .govuk-summary-list__key { width: 30%; }
}

.govuk-footer { padding: 25px 0; border-top: 1px solid #cecece; background-color: #f3f2f1; color: #0b0c0c; }
`;
