// The renderer's root: frame, error boundary, current screen.
import { screens } from './app/screens';
import { useNavigation } from './app/navigation-store';
import { AppFrame } from './components/AppFrame';
import { ErrorBoundary } from './components/ErrorBoundary';

export function App() {
  const route = useNavigation((s) => s.route);
  const reset = useNavigation((s) => s.reset);
  const Screen = screens[route.screen];
  return (
    <AppFrame>
      <ErrorBoundary onReset={() => reset()}>
        <Screen params={route.params} />
      </ErrorBoundary>
    </AppFrame>
  );
}
