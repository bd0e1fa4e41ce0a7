import { useState, type ChangeEvent, type FocusEvent, type ReactNode, type Ref } from "react";
import type { ErrorMessageProps } from "../error-message/error-message.tsx";
import { Fieldset, type FieldsetProps } from "../fieldset/fieldset.tsx";
import { Hint, type HintProps } from "../hint/hint.tsx";
import { Label } from "../label/label.tsx";
import { attributeProps, classNames, type GovukAttributes } from "./attributes.ts";
import { hasContent, type GovukContent } from "./content.ts";
import { nextChecked } from "./choice-state.ts";
import { fieldDescription, FormGroup, SideContent, type FormGroupOptions } from "./form-group.tsx";
import { useMounted } from "./use-mounted.ts";

/** One item of the radios or checkboxes macros' `items`; falsy entries are skipped, as there. */
export interface ChoiceItem extends GovukContent {
  id?: string;
  value?: string | number;
  label?: { classes?: string; attributes?: GovukAttributes };
  hint?: HintProps;
  divider?: string;
  checked?: boolean;
  /** Revealed while the item is checked; `children` is our React alternative to `html`. */
  conditional?: { html?: string | false; children?: ReactNode };
  disabled?: boolean;
  attributes?: GovukAttributes;
  /** Our addition: a ref to this item's `<input>`. */
  ref?: Ref<HTMLInputElement>;
}

/** The options radios and checkboxes share. */
export interface ChoicesOptions<Item> {
  fieldset?: Omit<FieldsetProps, "children" | "html">;
  hint?: HintProps;
  errorMessage?: ErrorMessageProps | false;
  formGroup?: FormGroupOptions;
  idPrefix?: string;
  name: string;
  items: (Item | null | false | undefined)[];
  classes?: string;
  attributes?: GovukAttributes;
  /** Given with `value`/`values` or items' `checked`, the app controls the checked state. */
  onChange?: (event: ChangeEvent<HTMLInputElement>) => void;
  onBlur?: (event: FocusEvent<HTMLInputElement>) => void;
}

interface ChoicesSpec<Item> {
  kind: "radios" | "checkboxes";
  /** The template's isChecked for one item. */
  isChecked: (item: Item) => boolean;
  /** Whether the app controls the checked state (gave one, and listens for changes). */
  controlled: boolean;
  /** Told every item's checked state after a change, exclusive items' rules applied. */
  onCheckedChange?: (checked: boolean[], event: ChangeEvent<HTMLInputElement>) => void;
  itemName: (item: Item) => string;
  exclusive: (item: Item) => boolean;
  /** aria-describedby on an item's input, given its hint id (if any). */
  itemDescribedBy: (hintId: string | undefined, describedBy: string | undefined) => string | undefined;
  behaviour?: (item: Item) => string | undefined;
  /** aria-describedby starts with (checkboxes: `describedBy`, replaced by `fieldset.describedBy`). */
  describedBy?: string;
}

type Items<Item> = (Item | null | false | undefined)[];

/**
 * govuk-frontend's radios and checkboxes templates (they differ only in the places `spec` names).
 * The checked state lives in React so conditional content is revealed as radios.mjs and
 * checkboxes.mjs do; the first render is the template's HTML.
 */
export function Choices<Item extends ChoiceItem>({ options, spec }: { options: ChoicesOptions<Item>; spec: ChoicesSpec<Item> }) {
  const { kind } = spec;
  const items: Items<Item> = options.items ?? [];
  const idPrefix = options.idPrefix || options.name;
  const fromProps = items.map((item) => (item ? spec.isChecked(item) : false));
  const [own, setOwn] = useState(fromProps);
  const checked = spec.controlled ? fromProps : own;
  const mounted = useMounted();
  const description = fieldDescription(idPrefix, { describedBy: spec.describedBy, hint: options.hint, errorMessage: options.errorMessage });
  const states = items.map((item) => (item && !item.divider ? { name: spec.itemName(item), exclusive: spec.exclusive(item) } : null));

  function onChange(index: number, event: ChangeEvent<HTMLInputElement>) {
    const next = nextChecked(kind, states, checked, index, event.target.checked);
    setOwn(next);
    options.onChange?.(event);
    spec.onCheckedChange?.(next, event);
  }

  const list = (
    <div className={classNames(`govuk-${kind}`, options.classes)} {...attributeProps(options.attributes)} data-module={`govuk-${kind}`}>
      <SideContent content={options.formGroup?.beforeInputs} />
      {items.map((item, i) =>
        item ? <ChoiceEntry key={i} item={item} index={i} idPrefix={idPrefix} spec={spec} checked={checked[i] ?? false} mounted={mounted} fieldDescribedBy={description.describedBy} onChange={(event) => onChange(i, event)} onBlur={options.onBlur} /> : null,
      )}
      <SideContent content={options.formGroup?.afterInputs} />
    </div>
  );
  const inner = (
    <>
      {description.hint}
      {description.error}
      {list}
    </>
  );
  return (
    <FormGroup formGroup={options.formGroup} error={Boolean(options.errorMessage)}>
      {options.fieldset ? (
        <Fieldset {...options.fieldset} describedBy={description.describedBy}>
          {inner}
        </Fieldset>
      ) : (
        inner
      )}
    </FormGroup>
  );
}

/** One item of the list: a divider, or the input with its label and hint, then the content it reveals while checked. */
function ChoiceEntry<Item extends ChoiceItem>({
  item,
  index,
  idPrefix,
  spec,
  checked,
  mounted,
  fieldDescribedBy,
  onChange,
  onBlur,
}: {
  item: Item;
  index: number;
  idPrefix: string;
  spec: ChoicesSpec<Item>;
  checked: boolean;
  mounted: boolean;
  fieldDescribedBy: string | undefined;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  onBlur: ((event: FocusEvent<HTMLInputElement>) => void) | undefined;
}) {
  const { kind } = spec;
  // The first item's id has no number, so the error summary can link to it.
  const number = index + 1;
  const itemId = item.id || `${idPrefix}${number > 1 ? `-${number}` : ""}`;
  if (item.divider) return <div className={`govuk-${kind}__divider`}>{item.divider}</div>;
  const hintId = hasContent(item.hint) ? `${itemId}-item-hint` : undefined;
  const hasConditional = Boolean(item.conditional?.html) || item.conditional?.children !== undefined;
  const conditionalId = `conditional-${itemId}`;
  const describedBy = spec.itemDescribedBy(hintId, fieldDescribedBy);
  const behaviour = spec.behaviour?.(item);
  return (
    <>
      <div className={`govuk-${kind}__item`}>
        <input
          ref={item.ref}
          className={`govuk-${kind}__input`}
          id={itemId}
          name={spec.itemName(item)}
          type={kind === "radios" ? "radio" : "checkbox"}
          value={item.value ?? ""}
          checked={checked}
          onChange={onChange}
          {...(onBlur ? { onBlur } : {})}
          {...(item.disabled ? { disabled: true } : {})}
          {...(hasConditional
            ? // govuk-frontend's script also sets aria-expanded here, but ARIA 1.2 does not allow it on a
              // radio or checkbox (axe: aria-allowed-attr); the revealed content follows its control in
              // reading order, which is what a screen reader needs.
              mounted
              ? { "aria-controls": conditionalId }
              : { "data-aria-controls": conditionalId }
            : {})}
          {...(behaviour ? { "data-behaviour": behaviour } : {})}
          {...(describedBy ? { "aria-describedby": describedBy } : {})}
          {...attributeProps(item.attributes)}
        />
        <Label html={item.html} text={item.text} classes={classNames(`govuk-${kind}__label`, item.label?.classes)} attributes={item.label?.attributes} for={itemId}>
          {item.children}
        </Label>
        {hintId ? <Hint {...item.hint} id={hintId} classes={classNames(`govuk-${kind}__hint`, item.hint?.classes)} /> : null}
      </div>
      {hasConditional ? (
        <div
          className={classNames(`govuk-${kind}__conditional`, !checked && `govuk-${kind}__conditional--hidden`)}
          id={conditionalId}
          {...(item.conditional?.children !== undefined ? { children: item.conditional.children } : { dangerouslySetInnerHTML: { __html: String(item.conditional?.html).trim() } })}
        />
      ) : null}
    </>
  );
}
