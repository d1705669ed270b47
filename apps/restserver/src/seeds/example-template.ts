/** An official example shipped with the marketplace and stored by `seed-examples`. */
export interface ExampleTemplate {
  /** Fixed id, so seeding twice finds the example instead of adding a copy. */
  id: string;
  name: string;
  type: 'template' | 'data';
  summary: string;
  tags: string[];
  dataType?: string;
  dataUrl?: string;
  description: string;
  protocol: string;
}
