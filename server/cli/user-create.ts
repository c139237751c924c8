// npm run user:create -- --email a@b.org --name "A Person" [--role ADMINISTRATOR] [--organisation "Name"] [--password-stdin]
// Creates a user, or resets an existing one (password, role, active), on the configured database.
// The password is read from standard input with --password-stdin; otherwise a strong one is made and printed once.
import { randomBytes } from 'node:crypto';
import { text } from 'node:stream/consumers';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { hashPassword } from '../auth/password.ts';
import { inTransaction } from '../db/client.ts';
import { Role } from '../db/generated/prisma/enums.ts';
import { PASSWORD_MIN_LENGTH } from '../domain/users.ts';
import type { Actor } from '../domain/actor.ts';
import { recordHistory } from '../domain/history.ts';
import { runCommand, UsageError, withMigratedDatabase } from './run-command.ts';

const optionsSchema = z.object({
  email: z.email('--email must be an email address').transform((email) => email.toLowerCase()),
  name: z.string().trim().min(1, '--name is required'),
  role: z.enum(Role, { error: `--role must be one of ${Object.keys(Role).join(', ')}` }),
  organisation: z.string().trim().min(1).optional(),
  'password-stdin': z.boolean(),
});

await runCommand(async () => {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', default: 'ADMINISTRATOR' },
      organisation: { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
    },
  });
  const parsed = optionsSchema.safeParse(values);
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((issue) => issue.message).join('\n'));
  const options = parsed.data;
  const generated = !options['password-stdin'];
  const password = generated ? randomBytes(18).toString('base64url') : (await text(process.stdin)).replace(/\r?\n$/, '');
  if (password.length < PASSWORD_MIN_LENGTH) throw new UsageError(`The password must be at least ${PASSWORD_MIN_LENGTH} characters.`);
  await withMigratedDatabase(async (database) => {
    const passwordHash = await hashPassword(password);
    const created = await inTransaction(async (tx) => {
      const organisation = options.organisation
        ? await tx.organisation.findFirst({ where: { OR: [{ name: options.organisation }, { shortName: options.organisation }] } })
        : null;
      if (options.organisation && !organisation) throw new Error(`No organisation is called "${options.organisation}".`);
      if (options.role === 'LEADER' && !organisation) throw new Error('A leader belongs to an organisation: give --organisation.');
      const existing = await tx.user.findUnique({ where: { email: options.email } });
      const user = await tx.user.upsert({
        where: { email: options.email },
        create: { email: options.email, name: options.name, role: options.role, organisationId: organisation?.id, passwordHash },
        update: { name: options.name, role: options.role, organisationId: organisation?.id ?? null, passwordHash, active: true, version: { increment: 1 } },
      });
      // The account acts for itself in its own history: there is nobody else yet on a fresh install.
      const self: Actor = {
        userId: user.id, role: user.role, organisationId: user.organisationId, organisationPath: organisation?.path ?? null, apiTokenId: null, access: 'READ_WRITE',
      };
      await recordHistory(tx, self, {
        kind: existing ? 'UPDATED' : 'CREATED',
        subject: 'USER',
        subjectId: user.id,
        field: existing ? 'password' : null,
        toValue: `${user.email} (${user.role})`,
        comment: 'set from the command line (npm run user:create)',
      });
      if (existing) await tx.session.deleteMany({ where: { userId: user.id } });
      return !existing;
    });
    console.log(`${created ? 'Created' : 'Reset'} ${options.role.toLowerCase()} ${options.email} in ${database.location}.`);
    if (generated) console.log(`Password (shown once, change it after signing in): ${password}`);
  });
});
