// A modal dialog for the renderer: named by its title, focus kept inside while open, Esc closes
// (when the dialog may be closed), focus returned to where it was when it closes. The rest of the
// page is made `inert` meanwhile so pointer, keyboard and screen readers all stay in the dialog.
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';

export type DialogProps = {
  open: boolean;
  title: string;
  children?: ReactNode;
  /** Buttons along the bottom; the dialog does not add any of its own. */
  actions?: ReactNode;
  /** Called on Esc. Leave it out for a dialog that needs an explicit answer. */
  onClose?: () => void;
  /** `alertdialog` for warnings that interrupt (idle warning, destructive confirmations). */
  role?: 'dialog' | 'alertdialog';
  /** What gets focus on open; otherwise the first focusable element, otherwise the dialog. */
  initialFocus?: RefObject<HTMLElement | null>;
  testId?: string;
};

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function focusableWithin(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => !el.closest('[inert]') && !el.hidden);
}

export function Dialog(props: DialogProps) {
  if (!props.open) return null;
  return createPortal(<OpenDialog {...props} />, document.body);
}

function OpenDialog({ title, children, actions, onClose, role = 'dialog', initialFocus, testId }: DialogProps) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current!;
    const overlay = dialog.parentElement!;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // Everything else in <body> becomes inert; remember what we changed so nested dialogs unwind.
    const madeInert = Array.from(document.body.children).filter((el): el is HTMLElement => el instanceof HTMLElement && el !== overlay && !el.hasAttribute('inert'));
    for (const el of madeInert) el.setAttribute('inert', '');
    (initialFocus?.current ?? focusableWithin(dialog)[0] ?? dialog).focus();

    const keepFocusInside = (event: FocusEvent) => {
      if (event.target instanceof Node && !dialog.contains(event.target)) (focusableWithin(dialog)[0] ?? dialog).focus();
    };
    document.addEventListener('focusin', keepFocusInside);
    return () => {
      document.removeEventListener('focusin', keepFocusInside);
      for (const el of madeInert) el.removeAttribute('inert');
      if (previous?.isConnected) previous.focus();
    };
    // Runs once per opening (the component mounts when `open` turns true), not on every render.
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape' && onCloseRef.current) {
      event.stopPropagation();
      onCloseRef.current();
      return;
    }
    if (event.key !== 'Tab') return;
    const items = focusableWithin(ref.current!);
    if (items.length === 0) {
      event.preventDefault();
      return;
    }
    const first = items[0]!;
    const last = items[items.length - 1]!;
    if (event.shiftKey && (document.activeElement === first || document.activeElement === ref.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="dialog-overlay">
      <div ref={ref} className="dialog panel" role={role} aria-modal="true" aria-labelledby={titleId} tabIndex={-1} onKeyDown={onKeyDown} data-testid={testId}>
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        <div className="dialog-body">{children}</div>
        {actions && <div className="dialog-actions">{actions}</div>}
      </div>
    </div>
  );
}
