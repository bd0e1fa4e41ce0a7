import { Table } from "@complaints/ui";
import type { ReactNode } from "react";
import { useAppIdentity, usePageTitle } from "./app-shell.tsx";
import { standardPagePaths } from "./app-frame.tsx";
import { Loading } from "./query-boundary.tsx";
import { useServicePages, type ServicePages } from "./service-pages.ts";

/** When the statement was written and the service last tested as it describes: change both when it is tested again. */
const statementPrepared = "8 December 2026";

/** A standard page, once the department's settings for them have loaded (they need no sign-in). */
function StandardPage({ title, children }: { title: string; children: (pages: ServicePages) => ReactNode }) {
  usePageTitle(title);
  const pages = useServicePages();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{title}</h1>
        {pages.data ? children(pages.data) : <Loading />}
      </div>
    </div>
  );
}

function SupportEmail({ pages }: { pages: ServicePages }) {
  return (
    <a className="govuk-link" href={`mailto:${pages.supportEmail}`}>
      {pages.supportEmail}
    </a>
  );
}

/** `/{app}/help`: how to get help, as the department configured it (SUPPORT_EMAIL, SUPPORT_PHONE, SUPPORT_HOURS), and feedback. */
export function HelpPage() {
  const { serviceName } = useAppIdentity();
  return (
    <StandardPage title="Help and contact">
      {(pages) => (
        <>
          <p className="govuk-body">If you have a problem using {serviceName}, or a question about it, contact the service's support team.</p>
          <h2 className="govuk-heading-m">Contact the support team</h2>
          <p className="govuk-body">
            Email: <SupportEmail pages={pages} />
          </p>
          {pages.supportPhone ? <p className="govuk-body">Telephone: {pages.supportPhone}</p> : null}
          <p className="govuk-body">{pages.supportHours}</p>
          <p className="govuk-body">Tell us your organisation, the address of the page you were on and what you were trying to do.</p>
          <div className="govuk-inset-text">Do not send details of a complaint or of the person who made it. The support team does not need them to help you.</div>
          <h2 className="govuk-heading-m">If you cannot sign in</h2>
          <p className="govuk-body">Your account is set up by your department's administrator. Ask them if you need an account, a different role or access to another organisation.</p>
          <h2 className="govuk-heading-m" id="feedback">
            Give feedback
          </h2>
          <p className="govuk-body">
            This is a new service. Your feedback helps us improve it:{" "}
            <a className="govuk-link" href={pages.feedbackUrl}>
              give feedback about {serviceName}
            </a>
            .
          </p>
        </>
      )}
    </StandardPage>
  );
}

/**
 * `/{app}/accessibility`: the accessibility statement, in the structure of GOV.UK's sample statement
 * ("Sample accessibility statement for a fictional public sector website", GOV.UK guidance): what
 * was tested and how, and what is known not to meet the standard yet.
 */
export function AccessibilityStatementPage() {
  const { serviceName, base } = useAppIdentity();
  return (
    <StandardPage title={`Accessibility statement for ${serviceName}`}>
      {(pages) => (
        <>
          <StatementScope serviceName={serviceName} base={base} />
          <HowAccessible />
          <StatementContact pages={pages} />
          <TechnicalInformation pages={pages} />
          <StatementPreparation />
        </>
      )}
    </StandardPage>
  );
}

/** Who the statement is for and what using the service should be like. */
function StatementScope({ serviceName, base }: { serviceName: string; base: string }) {
  return (
    <>
      <p className="govuk-body">
        This accessibility statement applies to {serviceName}, at <code>{base}/</code> on this website. The department that gives you access runs it.
      </p>
      <p className="govuk-body">We want as many people as possible to be able to use this service. For example, that means you should be able to:</p>
      <ul className="govuk-list govuk-list--bullet">
        <li>change colours, contrast levels and fonts using browser or device settings</li>
        <li>zoom in up to 400% without the text spilling off the screen</li>
        <li>use the whole service with a keyboard only</li>
        <li>use most of the service with speech recognition software or a screen reader</li>
      </ul>
      <p className="govuk-body">We have also made the text as simple as possible to understand.</p>
      <p className="govuk-body">
        <a className="govuk-link" href="https://mcmw.abilitynet.org.uk/">
          AbilityNet has advice on making your device easier to use
        </a>{" "}
        if you have a disability.
      </p>
    </>
  );
}

/** What is known not to be fully accessible, or not checked yet. */
function HowAccessible() {
  return (
    <>
      <h2 className="govuk-heading-m">How accessible this service is</h2>
      <p className="govuk-body">We know some parts of this service are not fully accessible, or have not been checked yet:</p>
      <ul className="govuk-list govuk-list--bullet">
        <li>it has been tested only in Chromium (the browser Google Chrome and Microsoft Edge are built on), not yet in Firefox, Safari or on phones and tablets</li>
        <li>it has not yet been tested with screen readers (JAWS, NVDA, VoiceOver) or speech recognition software</li>
        <li>you are not warned before you are signed out after a period without use, and cannot ask for more time</li>
        <li>charts on the department portal are pictures of the figures: the same figures are in a table beside each chart, but a chart itself cannot be read out</li>
        <li>the documents you can download (board packs in PDF, ODS and XLSX, and spreadsheet templates) have not been checked for accessibility</li>
      </ul>
    </>
  );
}

/** How to ask for another format or report a problem, and who enforces the regulations. */
function StatementContact({ pages }: { pages: ServicePages }) {
  return (
    <>
      <h2 className="govuk-heading-m">Feedback and contact information</h2>
      <p className="govuk-body">
        If you need information from this service in a different format, such as large print or a spreadsheet instead of a PDF, email <SupportEmail pages={pages} />. {pages.supportHours}. We will consider your request and get back to you
        within 5 working days.
      </p>

      <h2 className="govuk-heading-m">Reporting accessibility problems with this service</h2>
      <p className="govuk-body">
        We are always looking to improve the accessibility of this service. If you find any problems not listed on this page or think we are not meeting accessibility requirements, email <SupportEmail pages={pages} />.
      </p>

      <h2 className="govuk-heading-m">Enforcement procedure</h2>
      <p className="govuk-body">
        The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the
        ‘accessibility regulations’). If you are not happy with how we respond to your complaint,{" "}
        <a className="govuk-link" href="https://www.equalityadvisoryservice.com/">
          contact the Equality Advisory and Support Service (EASS)
        </a>
        .
      </p>
    </>
  );
}

/** How far the service meets WCAG 2.2 AA, and what does not meet it. */
function TechnicalInformation({ pages }: { pages: ServicePages }) {
  return (
    <>
      <h2 className="govuk-heading-m">Technical information about this service's accessibility</h2>
      <p className="govuk-body">The department is committed to making this service accessible, in accordance with the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.</p>
      <h3 className="govuk-heading-s">Compliance status</h3>
      <p className="govuk-body">
        This service is partially compliant with the{" "}
        <a className="govuk-link" href="https://www.w3.org/TR/WCAG22/">
          Web Content Accessibility Guidelines version 2.2
        </a>{" "}
        AA standard, due to the non-compliances listed below.
      </p>

      <h2 className="govuk-heading-m">Non-accessible content</h2>
      <p className="govuk-body">The content listed below is non-accessible for the following reasons.</p>
      <h3 className="govuk-heading-s">Non-compliance with the accessibility regulations</h3>
      <ul className="govuk-list govuk-list--bullet">
        <li>You are signed out after a period without use (8 hours unless the department changed it) with no warning and no way to extend it. This fails WCAG 2.2 success criterion 2.2.1 (timing adjustable). We plan to warn before signing you out.</li>
      </ul>
      <h3 className="govuk-heading-s">Content that has not been tested</h3>
      <p className="govuk-body">
        Downloadable documents (board packs in PDF, ODS and XLSX, and the return's spreadsheet templates) have not been tested against WCAG 2.2. If you cannot use one, email <SupportEmail pages={pages} /> and we will send the
        information in another format.
      </p>
    </>
  );
}

/** What the service does about its gaps, and when and how it was tested. */
function StatementPreparation() {
  return (
    <>
      <h2 className="govuk-heading-m">What we're doing to improve accessibility</h2>
      <p className="govuk-body">We will test the service with screen readers, speech recognition software, other browsers and mobile devices, add a warning before a session ends, and check the downloadable documents. We will update this statement when we do.</p>

      <h2 className="govuk-heading-m">Preparation of this accessibility statement</h2>
      <p className="govuk-body">
        This statement was prepared on {statementPrepared}. It was last reviewed on {statementPrepared}.
      </p>
      <p className="govuk-body">
        This service was last tested on {statementPrepared}, by the team that builds it, not by an accessibility specialist. Every page, in each of its states (with errors, empty, after saving), is checked by automated tests
        in Chromium: with axe (axe-core, for WCAG 2.2 A and AA), and by using it with a keyboard only. Pages are also looked at 1280 and 320 pixels wide.
      </p>
    </>
  );
}

/** `/{app}/privacy`: what personal data the service holds, why, for how long, and who to contact. */
export function PrivacyNoticePage() {
  const { serviceName, base } = useAppIdentity();
  return (
    <StandardPage title="Privacy notice">
      {(pages) => (
        <>
          <p className="govuk-body">This notice explains what personal data {serviceName} holds, why, and for how long. The department that gives you access to the service is the data controller.</p>

          <h2 className="govuk-heading-m">What personal data we hold</h2>
          <p className="govuk-body">About people who use the service:</p>
          <ul className="govuk-list govuk-list--bullet">
            <li>your name, work email address, organisation and role</li>
            <li>your password, stored only as a one-way hash that cannot be turned back into the password</li>
            <li>your sessions: when you signed in and last used the service</li>
            <li>failed attempts to sign in, with the network address they came from</li>
            <li>a record of what you changed and when (the audit log), for example submitting or approving a return</li>
          </ul>
          <p className="govuk-body">About people who made complaints:</p>
          <ul className="govuk-list govuk-list--bullet">
            <li>
              quarterly returns are counts and totals: they hold no names or contact details. Where figures about a few people could identify them, the service publishes them only after disclosure control
            </li>
            <li>
              learning action plans and case files refer to complaints only by pseudonymised case references (such as CMP-2025-00001), with dates, stages and outcomes. They must not hold names, addresses or other details of the
              person who complained: the body that made the reference keeps the key to it, not this service
            </li>
          </ul>

          <h2 className="govuk-heading-m">Why we hold it</h2>
          <p className="govuk-body">
            We use your account details to let you sign in, show you the organisations you act for, keep the service secure and record who did what, so that returns and decisions can be checked. We use the complaints data to
            give the department oversight of how its bodies handle complaints, as the Complaint Standards ask. The lawful basis is that this is necessary for a task carried out in the public interest (UK GDPR Article 6(1)(e)).
          </p>

          <h2 className="govuk-heading-m">How long we keep it</h2>
          <ul className="govuk-list govuk-list--bullet">
            <li>a session ends after a period without use (8 hours unless the department changed it) and at most 12 hours after signing in, and is deleted within an hour of ending</li>
            <li>failed sign-in attempts are deleted after 15 minutes</li>
            <li>your account is kept while you need access; ask your department's administrator to close it when you leave</li>
            <li>the audit log and the returns, action plans and case references are official records, kept as long as the department's records retention schedule says</li>
          </ul>

          <h2 className="govuk-heading-m">Who can see it</h2>
          <p className="govuk-body">
            Your body's users and your department's users can see your name beside what you did. We do not share personal data outside government, and we do not use it for marketing. The company that hosts the service processes
            it for us under contract and only on our instructions.
          </p>

          <h2 className="govuk-heading-m">Cookies</h2>
          <p className="govuk-body">
            The service uses one cookie, to keep you signed in. <a className="govuk-link" href={`${base}${standardPagePaths.cookies}`}>Find out about cookies on this service</a>.
          </p>

          <h2 className="govuk-heading-m">Your rights and who to contact</h2>
          <p className="govuk-body">
            You can ask to see the personal data we hold about you, and ask us to correct it. To ask a question about this notice or your data, email <SupportEmail pages={pages} />, or contact your department's data protection
            officer.
          </p>
          <p className="govuk-body">
            If you are not happy with how we have handled your personal data, you can complain to the{" "}
            <a className="govuk-link" href="https://ico.org.uk/make-a-complaint/">
              Information Commissioner's Office (ICO)
            </a>
            .
          </p>
        </>
      )}
    </StandardPage>
  );
}

/** `/{app}/cookies`: the one session cookie, and why it needs no consent. */
export function CookiesPage() {
  const { serviceName } = useAppIdentity();
  return (
    <StandardPage title="Cookies">
      {() => (
        <>
          <p className="govuk-body">Cookies are small files saved on your phone, tablet or computer when you visit a website.</p>
          <p className="govuk-body">{serviceName} uses one cookie, to keep you signed in. We do not use cookies to measure how you use the service, and we do not use any from other websites.</p>
          <h2 className="govuk-heading-m">Essential cookies</h2>
          <p className="govuk-body">
            The service cannot work without this cookie, so we do not ask for your consent to set it (the Privacy and Electronic Communications Regulations allow a cookie that is strictly necessary for a service you ask
            for). It is set only when you sign in.
          </p>
          <Table
            caption="Cookies this service sets"
            captionClasses="govuk-table__caption--s"
            firstCellIsHeader
            head={[{ text: "Name" }, { text: "Purpose" }, { text: "Expires" }]}
            rows={[
              [
                { text: "__Host-complaints_session" },
                { text: "Keeps you signed in, so you do not have to sign in on every page. It holds a random value, not your name or password." },
                { text: "When you sign out, or after a period without use (8 hours unless the department changed it), and at most 12 hours after you signed in" },
              ],
            ]}
          />
          <p className="govuk-body">On a test set-up without HTTPS the same cookie is called complaints_session.</p>
        </>
      )}
    </StandardPage>
  );
}
