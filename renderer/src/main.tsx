import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { startEarly } from './app/boot';
import './app/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root element missing from index.html');
startEarly(location.hash);
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
