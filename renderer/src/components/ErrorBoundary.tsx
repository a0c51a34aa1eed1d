// Catches a screen that throws while rendering and offers a way back instead of a blank window.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Props = { children: ReactNode; onReset?: () => void };
type State = { failed: boolean };

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    // The console reaches main's log in the Electron shell; the message holds no personal data.
    console.error('screen failed', error.name, info.componentStack?.split('\n')[1]?.trim());
  }

  reset = () => {
    this.props.onReset?.();
    this.setState({ failed: false });
  };

  override render() {
    return this.state.failed ? <ErrorScreen onReset={this.reset} /> : this.props.children;
  }
}

function ErrorScreen({ onReset }: { onReset: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="panel error-screen" role="alert" data-testid="error-screen">
      <h1>{t('errors.screenTitle')}</h1>
      <p>{t('errors.screenBody')}</p>
      <button type="button" className="button button-primary" onClick={onReset} autoFocus>
        {t('errors.startAgain')}
      </button>
    </section>
  );
}
