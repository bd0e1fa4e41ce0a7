import { attributeProps, classNames, type GovukAttributes } from "../shared/attributes.ts";
import { contentProps, type GovukContent } from "../shared/content.ts";
import { formatDate, mojDate, ukTimeZone, type MojDateType } from "./moj-date.ts";

export interface TimelineDatetime {
  /** An ISO 8601 date and time, e.g. "2019-06-14T14:01:00.000Z". */
  timestamp: string;
  /** A standard format (MOJ's `mojDate` filter); wins over `format`. */
  type?: MojDateType;
  /** A moment.js display format (MOJ's `date` filter), e.g. "D MMMM YYYY"; tokens in moj-date.ts. */
  format?: string;
}

/** One event; `children` (here and in label and byline) is our addition, React content in place of `text` or `html`. */
export interface TimelineItem extends GovukContent {
  label: GovukContent;
  datetime?: TimelineDatetime;
  byline?: GovukContent;
  classes?: string;
  attributes?: GovukAttributes;
}

/**
 * MOJ Frontend `mojTimeline` (moj/components/timeline/template.njk, 11.1); props mirror its macro
 * arguments (README.md there), and the template's `headingLevel`.
 */
export interface TimelineProps {
  items: TimelineItem[];
  headingLevel?: number;
  classes?: string;
  attributes?: GovukAttributes;
  /** Our addition: the time zone dates are shown in (the filters use the server's; we fix it so server and browser agree). */
  timeZone?: string;
}

export function Timeline(props: TimelineProps) {
  const Heading = `h${props.headingLevel ?? 2}` as "h2";
  const timeZone = props.timeZone ?? ukTimeZone;
  return (
    <div className={classNames("moj-timeline", props.classes)} {...attributeProps(props.attributes)}>
      {props.items.map((item, index) => (
        <div key={index} className={classNames("moj-timeline__item", item.classes)} {...attributeProps(item.attributes)}>
          <div className="moj-timeline__header">
            <Heading className="moj-timeline__title" {...contentProps(item.label)} />
            {item.byline ? <Byline byline={item.byline} /> : null}
          </div>
          {/* The template always renders the date, "now" when there is none; we leave out a date not given. */}
          {item.datetime ? (
            <p className="moj-timeline__date">
              <time dateTime={item.datetime.timestamp}>{item.datetime.type ? mojDate(item.datetime.timestamp, item.datetime.type, timeZone) : formatDate(item.datetime.timestamp, item.datetime.format, timeZone)}</time>
            </p>
          ) : null}
          <div className="moj-timeline__description" {...contentProps(item)} />
        </div>
      ))}
    </div>
  );
}

function Byline({ byline }: { byline: GovukContent }) {
  // "by " and the HTML share the element, so with `html` the whole content is one HTML string.
  if (byline.html && (byline.children === undefined || byline.children === null)) return <p className="moj-timeline__byline" dangerouslySetInnerHTML={{ __html: `by ${byline.html}` }} />;
  return <p className="moj-timeline__byline">by {byline.children ?? byline.text}</p>;
}
