// Which Settings section has changes not yet saved, so moving away asks first (issue 11 §3).
// Renderer process.
import { useEffect } from 'react';
import { create } from 'zustand';

type DirtyState = { dirty: Record<string, boolean> };

export const useSettingsDirty = create<DirtyState>(() => ({ dirty: {} }));

export function anyUnsaved(): boolean {
  return Object.values(useSettingsDirty.getState().dirty).some(Boolean);
}

export function clearUnsaved(): void {
  useSettingsDirty.setState({ dirty: {} });
}

/** A section reports whether its form differs from what is saved; unmounting clears it. */
export function useReportUnsaved(section: string, dirty: boolean): void {
  useEffect(() => {
    useSettingsDirty.setState((s) => ({ dirty: { ...s.dirty, [section]: dirty } }));
  }, [section, dirty]);
  useEffect(
    () => () => {
      useSettingsDirty.setState((s) => ({ dirty: { ...s.dirty, [section]: false } }));
    },
    [section],
  );
}
