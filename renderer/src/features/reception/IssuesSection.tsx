/** Issues 1..n of one reception, with the department suggestions shared by every card. */
import type { FieldArrayWithId, UseFormReturn } from 'react-hook-form';
import type { ValidReceptionInput } from '../../../../shared/domain/schemas';
import type { ReceptionFormValues } from './formModel';
import { IssueCard } from './IssueCard';
import { T } from './strings';

interface Props {
  form: UseFormReturn<ReceptionFormValues, unknown, ValidReceptionInput>;
  fields: FieldArrayWithId<ReceptionFormValues, 'issues'>[];
  categories: string[];
  departments: string[];
  onAdd: () => void;
  onRemove: (index: number) => void;
}

const DEPARTMENT_LIST_ID = 'rc-departments';

export function IssuesSection({ form, fields, categories, departments, onAdd, onRemove }: Props) {
  return (
    <section className="rc-panel" aria-labelledby="rc-issues-title">
      <div className="rc-section-head">
        <h2 id="rc-issues-title">{T.issues}</h2>
      </div>
      <datalist id={DEPARTMENT_LIST_ID}>
        {departments.map((d) => (
          <option key={d} value={d} />
        ))}
      </datalist>
      {fields.map((field, index) => (
        <IssueCard
          key={field.id}
          form={form}
          index={index}
          count={fields.length}
          categories={categories}
          departmentListId={DEPARTMENT_LIST_ID}
          onRemove={onRemove}
        />
      ))}
      <button type="button" className="rc-add-issue" onClick={onAdd} aria-keyshortcuts="Alt+I">
        + {T.addIssue} <kbd>{T.shortcutIssue}</kbd>
      </button>
    </section>
  );
}
