/*
 * The view's keyboard shortcuts. None fires while a field, a list or a
 * slider has the focus (they use the keys themselves), nor where a chart
 * has taken the key already (a heatmap's cells move with the arrows);
 * Space stays with a focused button or link, which it presses.
 */

export type Shortcut = 'play' | 'back' | 'forward' | 'fullscreen' | 'next' | 'previous';

const KEYS: Readonly<Record<string, Shortcut>> = {
  ' ': 'play',
  ArrowLeft: 'back',
  ArrowRight: 'forward',
  f: 'fullscreen',
  F: 'fullscreen',
  PageDown: 'next',
  PageUp: 'previous',
};

/** What a key press asks for, or null when it is not the view's. */
export function shortcutOf(event: Pick<KeyboardEvent, 'key' | 'target' | 'defaultPrevented' | 'altKey' | 'ctrlKey' | 'metaKey'>): Shortcut | null {
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return null;
  const action = KEYS[event.key];
  if (!action) return null;
  const target = event.target instanceof Element ? event.target : null;
  if (target?.closest('input, select, textarea, [contenteditable=""], [contenteditable="true"], [role="slider"]')) return null;
  if (action === 'play' && target?.closest('button, a[href], summary, [role="button"]')) return null;
  return action;
}
