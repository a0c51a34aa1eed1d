// A list of what this kiosk made, beside the form that makes them (renderer): its title with a
// Refresh button, the failure, "loading" and "none" in words, then one row per item.
import type { ReactNode } from 'react';
import './recent-list.css';

export function RecentList<T>(props: {
  title: string;
  /** The heading's id, naming the section. */
  titleId: string;
  refreshLabel: string;
  loadingLabel: string;
  noneLabel: string;
  /** `null` until the first answer. */
  items: T[] | null;
  error: string | null;
  onRefresh(): void;
  testId: string;
  /** One `<li>` per item. */
  children(item: T): ReactNode;
}) {
  const { items, error } = props;
  return (
    <section className="recent-list" aria-labelledby={props.titleId}>
      <div className="recent-list-head">
        <h2 id={props.titleId}>{props.title}</h2>
        <button type="button" className="button" onClick={props.onRefresh}>
          {props.refreshLabel}
        </button>
      </div>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {items === null && !error && <p aria-busy="true">{props.loadingLabel}</p>}
      {items?.length === 0 && <p>{props.noneLabel}</p>}
      {items && items.length > 0 && (
        <ul className="recent-list-items" data-testid={props.testId}>
          {items.map((item) => props.children(item))}
        </ul>
      )}
    </section>
  );
}
