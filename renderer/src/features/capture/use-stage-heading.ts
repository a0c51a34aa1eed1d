// Hook (renderer): moves focus to a capture stage's heading when the stage appears. Navigation
// between screens already focuses the h1 (components/README.md); stages change within one screen.
import { useEffect, useRef } from 'react';

export function useStageHeading<T extends HTMLElement = HTMLHeadingElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
