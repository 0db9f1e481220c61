/** One sample of Prometheus' text exposition format: `name{label="value",...} 12.5`. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** A scrape of GET /metrics: the raw text, and its samples to read values from. */
export class MetricsScrape {
  readonly samples: Sample[];

  constructor(readonly text: string) {
    this.samples = parseSamples(text);
  }

  /** The sum of the samples of `name` whose labels include `labels` (0 when there are none). */
  value(name: string, labels: Record<string, string> = {}): number {
    return this.matching(name, labels).reduce((sum, s) => sum + s.value, 0);
  }

  /** The samples of `name` whose labels include `labels`. */
  matching(name: string, labels: Record<string, string> = {}): Sample[] {
    return this.samples.filter(
      (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
    );
  }

  /** Every value `label` takes among the samples of `name`. */
  labelValues(name: string, label: string): string[] {
    return [...new Set(this.matching(name).map((s) => s.labels[label]))].sort();
  }
}

/** GET /metrics of the server whose GraphQL endpoint is `graphqlUrl`. */
export async function scrapeMetrics(graphqlUrl: string): Promise<MetricsScrape> {
  const response = await fetch(new URL('/metrics', graphqlUrl));
  if (response.status !== 200) throw new Error(`GET /metrics: ${response.status}`);
  return new MetricsScrape(await response.text());
}

function parseSamples(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([A-Za-z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)$/.exec(line);
    if (!match) throw new Error(`not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, key, raw] of (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) {
      labels[key] = raw.replace(/\\n/g, '\n').replace(/\\(["\\])/g, '$1');
    }
    samples.push({ name: match[1], labels, value: Number(match[3]) });
  }
  return samples;
}
