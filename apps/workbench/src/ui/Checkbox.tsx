import { useId } from 'react';

/** A USWDS checkbox with its label (and an optional description under it). */
export function Checkbox({
  label,
  description,
  checked,
  onChange,
  disabled,
}: {
  label: string;
  description?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className="usa-checkbox margin-top-1">
      <input
        className="usa-checkbox__input"
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
      <label className="usa-checkbox__label" htmlFor={id}>
        {label}
        {description && <span className="usa-checkbox__label-description">{description}</span>}
      </label>
    </div>
  );
}
