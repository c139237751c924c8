import { Box, Typography } from '@mui/material';
import { GraphiQL, type GraphiQLProps } from 'graphiql';
// Monaco's editor, JSON and GraphQL workers, built by Vite into the app's own files (no CDN).
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { useMemo } from 'react';
import { Loading, Title, useGetIdentity } from 'react-admin';
import { GRAPHQL_PATH, postGraphql } from '../providers/graphql';
import { exampleOperation, exampleVariables } from './example';
import { explorerStorage } from './storage';

/**
 * GraphiQL's requests go the way the rest of the app's do: with this session's
 * cookie and the JSON body the server's CSRF prevention expects. Errors come
 * back as the server sent them, for the script writer to read.
 */
const fetcher: GraphiQLProps['fetcher'] = async ({ query, variables, operationName }) =>
  (await postGraphql(query, variables ?? undefined, operationName ?? undefined)).body;

/** For script writers: run operations against the API as yourself, and read the schema's documentation. */
export default function Explorer() {
  const { identity } = useGetIdentity();
  const storage = useMemo(() => (identity ? explorerStorage(String(identity.id)) : undefined), [identity]);
  if (!storage) return <Loading />;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1, pt: 2, pb: 1 }}>
      <Title title="API explorer" />
      <Typography variant="h5" component="h1">API explorer</Typography>
      <Typography variant="body2">
        Operations run as you, against <code>{GRAPHQL_PATH}</code>. Scripts send the same requests with an API token in an
        <code> Authorization: Bearer …</code> header and <code>content-type: application/json</code>. Ctrl+Enter runs the
        operation; the book icon opens the schema's documentation.
      </Typography>
      {/* GraphiQL fills its container: a fixed height keeps the editors their size whatever the result's length. */}
      <Box sx={{ height: 'calc(100vh - 170px)', minHeight: 480, border: 1, borderColor: 'divider', borderRadius: 1, overflow: 'hidden' }}>
        <GraphiQL
          fetcher={fetcher}
          storage={storage}
          defaultQuery={exampleOperation}
          initialQuery={exampleOperation}
          initialVariables={exampleVariables}
          defaultEditorToolsVisibility="variables"
          // The session cookie signs requests in; headers typed here would only confuse that.
          isHeadersEditorEnabled={false}
          forcedTheme="light"
        />
      </Box>
    </Box>
  );
}
