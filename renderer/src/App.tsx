// The renderer's root: frame, error boundary, current screen.
import { AppFrame } from './components/AppFrame';
import { ErrorBoundary } from './components/ErrorBoundary';
import { HomeScreen } from './features/home/HomeScreen';

export function App() {
  return (
    <AppFrame>
      <ErrorBoundary>
        <HomeScreen />
      </ErrorBoundary>
    </AppFrame>
  );
}
