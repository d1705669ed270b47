import { StandaloneMarketplace } from '../marketplace/StandaloneMarketplace';
import { apiUrlFromEnvironment } from '../server/runtime-config';

// MARKETPLACE_API_URL is read on every request, so one build serves every cluster.
export const dynamic = 'force-dynamic';

export default function Home() {
  return <StandaloneMarketplace apiUrl={apiUrlFromEnvironment()} />;
}
