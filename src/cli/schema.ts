import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { scenarioJsonSchema } from '../scenario/toJsonSchema.js';
import { sweepJsonSchema } from '../sweep/sweepJsonSchema.js';
import { compareJsonSchema } from '../compare/compareJsonSchema.js';
import { type CliCommand, EXIT_OK } from './command.js';

export const SCHEMAS = { scenario: scenarioJsonSchema, sweep: sweepJsonSchema, compare: compareJsonSchema } as const;
type SchemaKind = keyof typeof SCHEMAS;

interface SchemaArgs {
  kind: SchemaKind;
  out: string | undefined;
}

const text = (kind: SchemaKind) => `${JSON.stringify(SCHEMAS[kind](), null, 2)}\n`;

export const schemaCommand: CliCommand<SchemaArgs> = {
  command: 'schema [kind]',
  describe: 'Print the JSON Schema of the scenario, sweep or compare file format (for editors and validators)',
  builder: (yargs) =>
    yargs
      .positional('kind', { choices: Object.keys(SCHEMAS) as SchemaKind[], default: 'scenario' as SchemaKind, describe: 'Which format' })
      .option('out', { type: 'string', describe: 'Write every format to DIR/<kind>.schema.json instead of printing one' }) as never,
  async handler(argv) {
    if (argv.out === undefined) {
      process.stdout.write(text(argv.kind));
      return EXIT_OK;
    }
    await mkdir(argv.out, { recursive: true });
    for (const kind of Object.keys(SCHEMAS) as SchemaKind[]) await writeFile(join(argv.out, `${kind}.schema.json`), text(kind));
    return EXIT_OK;
  },
};
