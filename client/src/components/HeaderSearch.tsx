import type { SearchHit } from '@herorientatie/domain';
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { useSearch } from '../api/case-work.ts';
import { useDebounced } from '../useDebounced.ts';

export const searchHref = (q: string) => `/zoeken?q=${encodeURIComponent(q.trim())}`;
export const caseHref = (hit: SearchHit) => `/dossiers/${hit.caseId}`;

/** How a hit reads in a list: who, which case, and where the search text was found. */
export const hitText = (hit: SearchHit) =>
  `${hit.entrepreneurName} (${hit.businessName}), ${hit.reference}`;

const SHOWN = 8;

/**
 * The one search box in the header: a combobox whose list shows cases as you type (from
 * two characters, after a pause). Arrow keys move through the list, Enter opens the chosen
 * case, or the page with all results when none is chosen; Escape closes the list.
 */
export function HeaderSearch() {
  const [q, setQ] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const settled = useDebounced(q, 300);
  const search = useSearch(settled);
  const navigate = useNavigate();
  const listId = useId();
  const statusId = useId();
  const hits = settled.trim().length >= 2 ? (search.data ?? []).slice(0, SHOWN) : [];
  const expanded = open && hits.length > 0;

  const reset = () => {
    setQ('');
    setOpen(false);
    setActive(-1);
  };
  const go = (to: string) => {
    reset();
    navigate(to);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (expanded && active >= 0 && hits[active]) go(caseHref(hits[active]));
    else if (q.trim().length >= 2) go(searchHref(q));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' && hits.length > 0) {
      e.preventDefault();
      setOpen(true);
      setActive((i) => (i + 1) % hits.length);
    } else if (e.key === 'ArrowUp' && hits.length > 0) {
      e.preventDefault();
      setOpen(true);
      setActive((i) => (i <= 0 ? hits.length - 1 : i - 1));
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  };
  const status =
    settled.trim().length < 2 || !open
      ? ''
      : search.isPending
        ? ''
        : search.data && search.data.length > 0
          ? `${search.data.length} dossier${search.data.length === 1 ? '' : 's'} gevonden. Pijltjestoetsen om te kiezen.`
          : 'Geen dossiers gevonden.';

  return (
    <form role="search" className="app-header-search" onSubmit={onSubmit} aria-label="Dossiers">
      <label className="utrecht-form-label app-header-search__label" htmlFor="header-search">
        Zoek een dossier
      </label>
      <div className="app-header-search__row">
        <input
          id="header-search"
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
          aria-describedby={statusId}
          placeholder="Naam, KvK, postcode…"
          className="utrecht-textbox utrecht-textbox--html-input"
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => window.setTimeout(() => setOpen(false), 150)}
          onFocus={() => setOpen(true)}
        />
        <button type="submit" className="utrecht-button utrecht-button--secondary-action">
          Zoeken
        </button>
      </div>
      <ul
        id={listId}
        role="listbox"
        aria-label="Gevonden dossiers"
        className="app-header-search__list"
        hidden={!expanded}
      >
        {expanded &&
          hits.map((hit, index) => (
            <li
              key={hit.caseId}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={`app-header-search__option${index === active ? ' app-header-search__option--active' : ''}`}
              // Before the blur closes the list.
              onMouseDown={(e) => {
                e.preventDefault();
                go(caseHref(hit));
              }}
            >
              <span>{hitText(hit)}</span>
              <small>Gevonden in: {hit.matchedOn}</small>
            </li>
          ))}
      </ul>
      <div id={statusId} className="app-visually-hidden" aria-live="polite">
        {status}
      </div>
    </form>
  );
}
