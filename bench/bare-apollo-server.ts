// The baseline: a bare Apollo Server answering `me { id email }` from a
// constant, with no auth, in production mode. Two HTTP integrations:
//   http        node:http handing the body to executeHTTPGraphQLRequest, the same
//               integration style as src/http/create-http-server.ts (the fair baseline)
//   standalone  @apollo/server/standalone (node:http + cors + body-parser), what
//               most people start from
// Run as its own process by bench/run.ts: `node dist/bench/bare-apollo-server.js <mode>`.
import { createServer } from 'node:http';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

const typeDefs = /* GraphQL */ `
  type User {
    id: ID!
    email: String!
  }
  type Query {
    me: User
  }
`;
const user = { id: '01900000-0000-7000-8000-000000000000', email: 'user00000@bench.example' };
const resolvers = { Query: { me: () => user } };

const mode = process.argv[2] ?? 'http';
const port = Number(process.env['PORT'] ?? 4100);
const apollo = new ApolloServer({ typeDefs, resolvers });

if (mode === 'standalone') {
  await startStandaloneServer(apollo, { listen: { port, host: '127.0.0.1' } });
} else {
  await apollo.start();
  createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      const text = Buffer.concat(chunks).toString('utf8');
      const url = req.url ?? '/';
      const queryStart = url.indexOf('?');
      apollo
        .executeHTTPGraphQLRequest({
          httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: queryStart === -1 ? '' : url.slice(queryStart), body: text === '' ? undefined : JSON.parse(text) },
          context: async () => ({}),
        })
        .then((response) => {
          for (const [key, value] of response.headers) res.setHeader(key, value);
          res.statusCode = response.status ?? 200;
          res.end(response.body.kind === 'complete' ? response.body.string : '');
        })
        .catch(() => {
          res.statusCode = 500;
          res.end();
        });
    });
  }).listen(port, '127.0.0.1');
}
