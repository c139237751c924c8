import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import { Alert, Box, Button, Card, CardContent, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Title } from 'react-admin';
import { GRAPHQL_PATH, postGraphql } from '../providers/graphql';
import { exampleOperation, exampleVariables } from './example';
import { SchemaBrowser } from './SchemaBrowser';

/** For script writers: run an operation against the API with this session, and read the schema's documentation. */
export default function Explorer() {
  const [query, setQuery] = useState(exampleOperation);
  const [variables, setVariables] = useState(exampleVariables);
  const [result, setResult] = useState<string>('');
  const [problem, setProblem] = useState<string | null>(null);
  const [running, setRunning] = useState(false);

  const run = async () => {
    setProblem(null);
    let parsed: Record<string, unknown> | undefined;
    try {
      parsed = variables.trim() ? (JSON.parse(variables) as Record<string, unknown>) : undefined;
    } catch {
      setProblem('The variables are not valid JSON.');
      return;
    }
    setRunning(true);
    try {
      const { status, body } = await postGraphql(query, parsed);
      setResult(`HTTP ${status}\n${JSON.stringify(body, null, 2)}`);
    } catch (error) {
      setProblem(`The request failed: ${(error as Error).message}`);
    } finally {
      setRunning(false);
    }
  };

  return (
    <Box sx={{ display: 'grid', gap: 2, py: 2 }}>
      <Title title="API explorer" />
      <Typography variant="h5" component="h1">API explorer</Typography>
      <Typography variant="body2">
        Operations run as you, against <code>{GRAPHQL_PATH}</code>. Scripts send the same requests with an API token in an
        <code> Authorization: Bearer …</code> header and <code>content-type: application/json</code>. Ctrl+Enter runs the operation.
      </Typography>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' } }}>
        <Box sx={{ display: 'grid', gap: 2, alignContent: 'start' }}>
          <TextField label="Operation" value={query} onChange={(e) => setQuery(e.target.value)} multiline minRows={12}
            onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void run(); }}
            slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace', fontSize: 13 } } }} />
          <TextField label="Variables (JSON)" value={variables} onChange={(e) => setVariables(e.target.value)} multiline minRows={3}
            slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace', fontSize: 13 } } }} />
          <Box><Button variant="contained" startIcon={<PlayArrowIcon />} onClick={() => void run()} disabled={running}>Run</Button></Box>
          {problem && <Alert severity="error">{problem}</Alert>}
        </Box>
        <Box component="section" aria-label="Result">
          <Typography variant="subtitle2" component="h2">Result</Typography>
          <Box component="pre" tabIndex={0} aria-label="Result of the operation" sx={{ m: 0, p: 1, bgcolor: 'grey.100', minHeight: 300, maxHeight: 560, overflow: 'auto', fontSize: 13 }}>
            {result || 'Run an operation to see its result.'}
          </Box>
        </Box>
      </Box>
      <Card>
        <CardContent>
          <Typography variant="h6" component="h2" gutterBottom>Schema</Typography>
          <SchemaBrowser />
        </CardContent>
      </Card>
    </Box>
  );
}
