import { attributeProps, classNames, type GovukAttributes } from "../shared/attributes.ts";
import { contentProps, type GovukContent } from "../shared/content.ts";
import { Link } from "../shared/link.tsx";
import { Tag, type TagProps } from "../tag/tag.tsx";

/** One task; `children` in title, hint or status is our addition, React content in place of `text` or `html`. */
export interface TaskListItem {
  title: GovukContent & { classes?: string };
  hint?: GovukContent;
  status: GovukContent & { tag?: TagProps; classes?: string };
  /** The task's page, rendered through LinkProvider; without it the task cannot be started yet. */
  href?: string;
  classes?: string;
}

/** govuk-frontend `govukTaskList` (components/task-list/template.njk); props mirror its macro options. */
export interface TaskListProps {
  /** Empty entries are skipped (but still counted for ids, as in the template), so items can be conditional. */
  items: (TaskListItem | null | undefined | false | "")[];
  classes?: string;
  attributes?: GovukAttributes;
  idPrefix?: string;
}

export function TaskList(props: TaskListProps) {
  const idPrefix = props.idPrefix || "task-list";
  return (
    <ul className={classNames("govuk-task-list", props.classes)} {...attributeProps(props.attributes)}>
      {props.items.map((item, index) => (item ? <Task key={index} item={item} hintId={`${idPrefix}-${index + 1}-hint`} statusId={`${idPrefix}-${index + 1}-status`} /> : null))}
    </ul>
  );
}

function Task({ item, hintId, statusId }: { item: TaskListItem; hintId: string; statusId: string }) {
  return (
    <li className={classNames("govuk-task-list__item", item.href && "govuk-task-list__item--with-link", item.classes)}>
      <div className="govuk-task-list__name-and-hint">
        {item.href ? (
          <Link className={classNames("govuk-link govuk-task-list__link", item.title.classes)} href={item.href} aria-describedby={item.hint ? `${hintId} ${statusId}` : statusId} {...contentProps(item.title)} />
        ) : (
          <div {...(item.title.classes ? { className: item.title.classes } : {})} {...contentProps(item.title)} />
        )}
        {item.hint ? <div id={hintId} className="govuk-task-list__hint" {...contentProps(item.hint)} /> : null}
      </div>
      {item.status.tag ? (
        <div className={classNames("govuk-task-list__status", item.status.classes)} id={statusId}>
          <Tag {...item.status.tag} />
        </div>
      ) : (
        <div className={classNames("govuk-task-list__status", item.status.classes)} id={statusId} {...contentProps(item.status)} />
      )}
    </li>
  );
}
