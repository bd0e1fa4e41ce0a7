import { returnStatusLabels, type ReturnStatus } from "@complaints/domain/browser";
import { Tag } from "@complaints/ui";

/** Tag colours: words carry the meaning, colour only helps (WCAG 1.4.1). */
const statusClasses: Record<ReturnStatus, string> = {
  draft: "govuk-tag--grey",
  submitted: "govuk-tag--turquoise",
  approved: "govuk-tag--purple",
  accepted: "govuk-tag--green",
  returned: "govuk-tag--red",
};

export function ReturnStatusTag({ status }: { status: ReturnStatus }) {
  return <Tag text={returnStatusLabels[status]} classes={statusClasses[status]} />;
}
