import { Box, Link, List, ListItemButton, ListItemText, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useDataProvider } from 'react-admin';
import type { TrackerDataProvider } from '../providers/dataProvider';
import { introspectionQuery, namedType, typeName, type Field, type SchemaType } from './introspection';

const argumentsOf = (field: object) => {
  const args = (field as Partial<Field>).args ?? [];
  return args.length ? `(${args.map((a) => `${a.name}: ${typeName(a.type)}`).join(', ')})` : '';
};

/** The API's types and the description of every field, from the server's own introspection. */
export function SchemaBrowser() {
  const dataProvider = useDataProvider<TrackerDataProvider>();
  const { data, error } = useQuery({
    queryKey: ['introspection'],
    queryFn: () => dataProvider.query<{ __schema: { types: SchemaType[] } }>(introspectionQuery),
    staleTime: Infinity,
  });
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState('Query');
  const types = useMemo(() => (data?.__schema.types ?? []).filter((t) => !t.name.startsWith('__')).sort((a, b) => a.name.localeCompare(b.name)), [data]);
  const shown = types.filter((t) => t.name.toLowerCase().includes(search.toLowerCase()));
  const type = types.find((t) => t.name === selected);
  if (error) return <Typography color="error">{(error as Error).message}</Typography>;
  const goTo = (name: string) => (types.some((t) => t.name === name) ? <Link component="button" onClick={() => setSelected(name)}>{name}</Link> : name);
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '220px 1fr' }, gap: 2 }}>
      <Box>
        <TextField label="Find a type" size="small" value={search} onChange={(e) => setSearch(e.target.value)} fullWidth />
        <List dense sx={{ maxHeight: 480, overflow: 'auto' }} aria-label="Types">
          {shown.map((t) => (
            <ListItemButton key={t.name} selected={t.name === selected} onClick={() => setSelected(t.name)}>
              <ListItemText primary={t.name} secondary={t.kind.toLowerCase().replace('_', ' ')} />
            </ListItemButton>
          ))}
        </List>
      </Box>
      {type && (
        <Box aria-live="polite">
          <Typography variant="h6" component="h3">{type.name}</Typography>
          <Typography variant="body2" sx={{ mb: 1 }}>{type.description}</Typography>
          <Box component="dl" sx={{ m: 0, '& dt': { fontFamily: 'monospace', mt: 1 }, '& dd': { ml: 2 } }}>
            {(type.fields ?? type.inputFields ?? []).map((field) => (
              <div key={field.name}>
                <dt>
                  {field.name}
                  {argumentsOf(field)}
                  : {typeName(field.type).replace(namedType(field.type), '')}{goTo(namedType(field.type))}
                </dt>
                <dd><Typography variant="body2" color="text.secondary">{field.description ?? ''}</Typography></dd>
              </div>
            ))}
            {(type.enumValues ?? []).map((value) => (
              <div key={value.name}><dt>{value.name}</dt><dd><Typography variant="body2" color="text.secondary">{value.description ?? ''}</Typography></dd></div>
            ))}
          </Box>
        </Box>
      )}
    </Box>
  );
}
