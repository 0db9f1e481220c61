/** The first TypeScript code block of README.md's "Querying" section, verbatim. */
export function readmeTypeScriptExample(readme: string): string {
  const start = readme.indexOf('\n## Querying\n');
  const end = readme.indexOf('\n## ', start + 1);
  if (start < 0) throw new Error('README.md has no "## Querying" section');
  const section = readme.slice(start, end < 0 ? undefined : end);
  const block = /^```ts\n([\s\S]*?)^```$/m.exec(section);
  if (!block?.[1]) throw new Error('README.md\'s "Querying" section has no ```ts block');
  return block[1];
}
