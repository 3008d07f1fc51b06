import '@utrecht/component-library-css/dist/index.css';
import '@utrecht/design-tokens/dist/index.css';
import './styles.css';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError } from './api/client.ts';
import { App } from './App.tsx';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';

// A 401 (or a refused CSRF token) anywhere but /me means the session may have ended (idle
// or absolute limit): re-check who is logged in, so the app shows the login page instead
// of failing piece by piece; when the session lives on, /me brings a fresh CSRF token. The
// /me query itself answering 401 is simply "logged out", not a reason to ask again.
const onError = (error: unknown, query?: { queryKey: readonly unknown[] }) => {
  if (query?.queryKey[0] === 'me') return;
  if (error instanceof ApiError && error.sessionMayHaveEnded) {
    void queryClient.invalidateQueries({ queryKey: ['me'] });
  }
};
const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (error, query) => onError(error, query) }),
  mutationCache: new MutationCache({ onError: (error) => onError(error) }),
  defaultOptions: {
    queries: {
      refetchOnWindowFocus: true,
      staleTime: 30_000,
      // A 4xx answer will not change by asking again; only network and server errors retry.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </ErrorBoundary>
  </StrictMode>,
);
