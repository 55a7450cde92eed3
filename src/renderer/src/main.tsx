import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from './api/client';
import { ApiContext } from './api/context';
import { detectTransport } from './api/transport';
import { App } from './app';
import { vi } from './i18n/vi';
import './styles.css';

const root = createRoot(document.getElementById('root')!);
const transport = detectTransport();

root.render(
  <StrictMode>
    {transport ? (
      <ApiContext.Provider value={createClient(transport)}>
        <App />
      </ApiContext.Provider>
    ) : (
      <main className="centered">
        <p className="error" role="alert">{vi.noTransport}</p>
      </main>
    )}
  </StrictMode>,
);
