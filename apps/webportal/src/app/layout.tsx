import type { ReactNode } from 'react';

import { MARKETPLACE_CSS } from '../marketplace/styles';

export const metadata = { title: 'OpenPAI Marketplace' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        <style>{`html, body { margin: 0; background: #faf9f8; } ${MARKETPLACE_CSS}`}</style>
      </head>
      <body>{children}</body>
    </html>
  );
}
