import { renderGraphiQLPage } from '../../src/graphiql/graphiql-page';

describe('renderGraphiQLPage', () => {
  it('keeps example text inside its JSON block and the title escaped', () => {
    const html = renderGraphiQLPage({
      title: '<b>orgraph</b>',
      graphqlPath: '/graphql',
      examples: [{ name: 'x', query: '# </script><script>alert(1)</script>\n{ a }' }],
      scriptUrl: '/graphiql/assets/a.js',
      styleUrl: '/graphiql/assets/a.css',
      workerUrls: {},
    });
    expect(html).toContain('<title>&lt;b&gt;orgraph&lt;/b&gt;</title>');
    expect(html.match(/<\/script>/g)).toHaveLength(2); // the JSON block's and the module's own
    expect(html).not.toMatch(/<script>(?!<)/);
    const json = /id="graphiql-config">([^<]*)</.exec(html)?.[1] ?? '';
    const config = JSON.parse(json) as { examples: { query: string }[] };
    expect(config.examples[0]?.query).toContain('</script><script>alert(1)</script>');
  });
});
