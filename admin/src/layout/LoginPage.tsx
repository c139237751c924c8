import LockIcon from '@mui/icons-material/Lock';
import { Avatar, Box, Button, Card, CardContent, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useLogin } from 'react-admin';

/** Sign-in by email and password; the server keeps the session in an HTTP-only cookie. */
export function LoginPage() {
  const login = useLogin();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await login({ username: String(form.get('email')), password: String(form.get('password')) });
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : 'Sign-in failed.';
      // Said once, beside the form (not again in a notification).
      setError(message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box component="main" sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', bgcolor: 'grey.100', p: 2 }}>
      <Card sx={{ width: '100%', maxWidth: 400 }}>
        <CardContent component="form" onSubmit={submit} sx={{ display: 'grid', gap: 2 }} aria-labelledby="sign-in-title">
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
            <Avatar sx={{ bgcolor: 'primary.main' }}><LockIcon /></Avatar>
            <Typography id="sign-in-title" variant="h5" component="h1">Recommendation tracker</Typography>
          </Box>
          <TextField name="email" type="email" label="Email" autoComplete="username" required autoFocus />
          <TextField name="password" type="password" label="Password" autoComplete="current-password" required />
          {error && <Typography color="error" role="alert">{error}</Typography>}
          <Button type="submit" variant="contained" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</Button>
        </CardContent>
      </Card>
    </Box>
  );
}
