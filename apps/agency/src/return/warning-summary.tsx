import { Button, focusField, NotificationBanner, setFocus } from "@complaints/ui";
import { useEffect, type MouseEvent } from "react";

export interface WarningSummaryItem {
  text: string;
  /** The flagged figure's input as `#id`: its explanation box is directly beneath it. */
  href: string;
}

const summaryId = "warning-summary";

function onLinkClick(event: MouseEvent<HTMLAnchorElement>) {
  if (focusField(event.currentTarget)) event.preventDefault();
}

/**
 * The warnings a save found, at the top of the section: a neutral notification banner, not the red
 * error summary, since a warning does not stop the user (they explain the figure or continue
 * anyway). Like the error summary it takes focus when it appears (render it with a new `key` to
 * take focus again) and its links focus their figure.
 */
export function WarningSummary({ items, onContinue, busy }: { items: readonly WarningSummaryItem[]; onContinue(): void; busy: boolean }) {
  useEffect(() => {
    const banner = document.getElementById(summaryId);
    if (banner) setFocus(banner);
  }, []);
  return (
    <NotificationBanner titleText="Check these figures" titleId={`${summaryId}-title`} attributes={{ id: summaryId }}>
      <p className="govuk-notification-banner__heading">
        {items.length === 1 ? "This figure is unusual" : "These figures are unusual"}. If a figure is right, explain why in the box beneath it: reviewers in your body and your
        department see the explanation.
      </p>
      <ul className="govuk-list govuk-list--bullet">
        {items.map((item) => (
          <li key={item.href + item.text}>
            <a className="govuk-notification-banner__link" href={item.href} onClick={onLinkClick}>
              {item.text}
            </a>
          </li>
        ))}
      </ul>
      <p className="govuk-body">You can explain a figure later, before you submit the return.</p>
      <Button text="Continue anyway" classes="govuk-button--secondary govuk-!-margin-bottom-0" type="button" disabled={busy} onClick={onContinue} />
    </NotificationBanner>
  );
}
