/**
 * Dragging the phone sheet by its bar: the sheet follows the finger, then the sheet settles
 * wherever `onDrop` puts it. A press that hardly moves is a tap, and clicks what it landed on;
 * the click that ends a drag is not one. The window follows the pointer, which soon leaves the bar.
 */

/** A press that moves less than this is a tap, not a drag (px). */
const DRAG_THRESHOLD = 6;

export interface SheetParts {
  /** The sheet's bar, which the finger holds. */
  bar: HTMLElement;
  /** The sheet, whose height follows the finger. */
  panel: HTMLElement;
  /** What holds the map and the sheet: the sheet's height is bounded by it. */
  main: HTMLElement;
}

export function followDrags(parts: SheetParts, phone: MediaQueryList, options: { onDrop(height: number): void; onTap(): void }): void {
  const { bar, panel, main } = parts;
  let drag: { pointer: number; startY: number; startHeight: number; moved: boolean } | null = null;
  let dragged = false;
  const onMove = (event: PointerEvent) => {
    if (!drag || event.pointerId !== drag.pointer) return;
    const dy = event.clientY - drag.startY;
    if (!drag.moved) {
      if (Math.abs(dy) < DRAG_THRESHOLD) return;
      // Captured only once it is a drag: a tap must still click the button it landed on.
      drag.moved = true;
      bar.setPointerCapture(event.pointerId);
      main.classList.add('is-dragging');
    }
    const height = Math.min(main.clientHeight, Math.max(bar.offsetHeight, drag.startHeight - dy));
    panel.style.height = `${height}px`;
  };
  const onEnd = (event: PointerEvent) => {
    if (!drag || event.pointerId !== drag.pointer) return;
    const { moved } = drag;
    drag = null;
    window.removeEventListener('pointermove', onMove);
    window.removeEventListener('pointerup', onEnd);
    window.removeEventListener('pointercancel', onEnd);
    if (!moved) return;
    dragged = true;
    const height = panel.getBoundingClientRect().height;
    panel.style.height = '';
    main.classList.remove('is-dragging');
    options.onDrop(height);
  };
  bar.addEventListener('pointerdown', (event) => {
    dragged = false;
    if (!phone.matches || drag || !event.isPrimary || event.button !== 0) return;
    drag = { pointer: event.pointerId, startY: event.clientY, startHeight: panel.getBoundingClientRect().height, moved: false };
    window.addEventListener('pointermove', onMove);
    window.addEventListener('pointerup', onEnd);
    window.addEventListener('pointercancel', onEnd);
  });
  // The click that ends a drag is not a tap; a tap on the bar beside its buttons is one on the toggle.
  bar.addEventListener(
    'click',
    (event) => {
      if (dragged) {
        dragged = false;
        event.stopPropagation();
        event.preventDefault();
      } else if (!(event.target as Element).closest('button')) {
        options.onTap();
      }
    },
    { capture: true },
  );
}
