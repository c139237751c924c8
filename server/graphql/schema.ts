import { builder } from './builder.ts';
import './types/scalars.ts';
import './types/enums.ts';
import './types/organisation.ts';
import './types/report.ts';
import './types/recommendation.ts';

export const schema = builder.toSchema({ sortSchema: false });
