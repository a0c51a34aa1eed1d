// Renderer entry: language, bridge, state sync, then the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { getBridge } from './bridge';
import { setUpI18n } from './i18n';
import { startAppSync } from './stores/app-store';
import './styles.css';

setUpI18n();
startAppSync(getBridge());
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
