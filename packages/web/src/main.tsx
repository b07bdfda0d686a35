import { i18nReady, loadAreaTexts } from './i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { setUnauthorizedHandler } from './api/client';
import { AppProviders } from './AppProviders';
import { queryClient } from './queryClient';
import { router } from './routes';

// Session gone (401): forget cached data and go to the login page, remembering where we were.
setUnauthorizedHandler(() => {
  const { pathname, search } = router.state.location;
  if (pathname.startsWith('/login')) return;
  queryClient.clear();
  void router.navigate(`/login?next=${encodeURIComponent(pathname + search)}`, { replace: true });
});

const container = document.getElementById('root');
if (!container) throw new Error('#root missing from index.html');

// The interface language's texts load first (one language per first screen, i18n/index.ts).
void i18nReady.then(() => {
  createRoot(container).render(
    <StrictMode>
      <AppProviders client={queryClient}>
        <RouterProvider router={router} />
      </AppProviders>
    </StrictMode>,
  );
  // the other areas' texts, once the first screen is drawn
  setTimeout(() => void loadAreaTexts(), 0);
});
