// The home screen in a DOM, rendered in the app frame.
import { act, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useNavigation } from '../../../../../renderer/src/app/navigation-store';
import { renderApp, resetStores, session } from '../../app-fixtures';

afterEach(resetStores);

describe('home', () => {
  it('opens each task from its tile', async () => {
    await renderApp({ 'session.get': session() });
    const expected: Array<[string, string]> = [
      ['New check', 'capture'],
      ['Queue', 'queue'],
      ['Results', 'results'],
      ['Guest link', 'guest-link'],
      ['Queued applications', 'queued'],
      ['Settings', 'settings'],
    ];
    for (const [name, screenId] of expected) {
      useNavigation.getState().reset('home');
      await act(async () => undefined);
      fireEvent.click(screen.getByRole('button', { name: new RegExp(`^${name} `) }));
      expect(useNavigation.getState().route.screen).toBe(screenId);
    }
  });

  it('tells non-admins that Settings asks for the admin PIN, and admins not', async () => {
    await renderApp({ 'session.get': session({ admin: false }) });
    expect(screen.getByTestId('tile-settings').textContent).toContain('admin PIN');
    resetStores();
    await renderApp({ 'session.get': session({ admin: true }) });
    expect(screen.getByTestId('tile-settings').textContent).not.toContain('admin PIN');
  });

  it('moves focus to the screen heading after navigating', async () => {
    await renderApp({ 'session.get': session(), 'queue.list': [] });
    fireEvent.click(screen.getByTestId('tile-queue'));
    await act(async () => undefined);
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: 'Queue' }));
    fireEvent.click(screen.getByTestId('frame-home'));
    await act(async () => undefined);
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: 'Ready for the next visitor' }));
  });
});
