// npm run seed:synthetic -- [--size 20000] [--seed 1]: loads deterministic synthetic data for
// measuring at scale into the configured database (DATABASE_URL, or the embedded one in DATA_DIR).
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadSynthetic } from '../../prisma/seed/synthetic.ts';
import { runCommand, UsageError, withMigratedDatabase } from './run-command.ts';

const optionsSchema = z.object({
  size: z.coerce.number().int().min(1, '--size must be at least 1').max(2_000_000, '--size must be at most 2,000,000'),
  seed: z.coerce.number().int().min(0, '--seed must be a whole number from 0'),
});

await runCommand(async () => {
  const { values } = parseArgs({
    options: { size: { type: 'string', default: '20000' }, seed: { type: 'string', default: '1' } },
  });
  const parsed = optionsSchema.safeParse(values);
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((issue) => issue.message).join('\n'));
  await withMigratedDatabase(async (database) => {
    const started = performance.now();
    const result = await loadSynthetic(parsed.data);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (!result.loaded) {
      console.log(`Synthetic data for seed ${parsed.data.seed} is already in ${database.location}: nothing loaded.`);
    } else {
      const counts = Object.entries(result.counts).map(([name, count]) => `${(count ?? 0).toLocaleString('en-GB')} ${name}`);
      console.log(`Loaded into ${database.location} in ${seconds} s: ${counts.join(', ')}.`);
    }
  });
});
