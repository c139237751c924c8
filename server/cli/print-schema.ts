// npm run schema: writes server/graphql/schema.graphql from the code (commit it with the change).
import fs from 'node:fs';
import { printedSchema, schemaFile } from '../graphql/printed-schema.ts';

fs.writeFileSync(schemaFile, printedSchema());
console.log(`Wrote ${schemaFile}`);
