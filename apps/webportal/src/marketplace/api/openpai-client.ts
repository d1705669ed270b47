import { ApiError } from './api-client';

export interface OpenPaiJob {
  name: string;
  username: string;
  submissionTime?: number;
}

/**
 * The few calls the marketplace makes to OpenPAI's rest-server, with the user's token: the
 * user's jobs and a job's protocol (to turn a job into a template), and the groups (to share).
 */
export class OpenPaiApi {
  constructor(
    readonly baseUrl: string,
    private readonly token: string,
  ) {}

  async listJobs(username: string): Promise<OpenPaiJob[]> {
    return (await this.get(`/api/v2/jobs?username=${encodeURIComponent(username)}`, 'json')) as OpenPaiJob[];
  }

  async getJobConfig(username: string, jobName: string): Promise<string> {
    return (await this.get(`/api/v2/jobs/${encodeURIComponent(username)}~${encodeURIComponent(jobName)}/config`, 'text')) as string;
  }

  async listGroups(): Promise<string[]> {
    const groups = (await this.get('/api/v2/groups', 'json')) as { groupname: string }[];
    return groups.map((group) => group.groupname);
  }

  private async get(path: string, kind: 'json' | 'text'): Promise<unknown> {
    const url = `${this.baseUrl.replace(/\/+$/, '')}${path}`;
    let response: Response;
    try {
      response = await fetch(url, { headers: { Authorization: `Bearer ${this.token}` } });
    } catch {
      throw new ApiError(0, url, undefined, `OpenPAI's rest-server at ${url} cannot be reached.`);
    }
    if (!response.ok) {
      throw new ApiError(response.status, url, undefined, `OpenPAI's rest-server at ${url} returned status ${response.status}.`);
    }
    return kind === 'json' ? response.json() : response.text();
  }
}
