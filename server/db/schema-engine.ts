import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import * as engineBindings from '@prisma/schema-engine-wasm/schema_engine_bg';

/**
 * Prisma's schema engine compiled to WebAssembly, from npm. Prisma's CLI would
 * download a native engine instead, which locked-down networks cannot reach.
 * The package's entry imports the .wasm file as an ES module, which Node cannot
 * do, so the module is instantiated here by hand.
 */
let instantiated = false;

// Node's own typings (20.x) do not declare the WebAssembly global.
type WebAssemblyApi = {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
};

function instantiate(): void {
  if (instantiated) return;
  const globals = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } };
  globals.PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message(message: string) {
      lastPanic = message;
    },
  };
  const require = createRequire(import.meta.url);
  // The package's exports do not list the .wasm file; it sits beside the entry.
  const entry = require.resolve('@prisma/schema-engine-wasm');
  const wasmPath = path.join(path.dirname(entry), 'schema_engine_bg.wasm');
  const { Module, Instance } = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;
  const instance = new Instance(new Module(fs.readFileSync(wasmPath)), {
    './schema_engine_bg.js': engineBindings,
  });
  engineBindings.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
  instantiated = true;
}

let lastPanic: string | undefined;

export type SchemaFile = { path: string; content: string };

/** Starts a schema engine over a database reached through a Prisma driver adapter factory. */
export async function startSchemaEngine(
  schema: SchemaFile,
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  log: (line: string) => void = () => {},
): Promise<SchemaEngine> {
  instantiate();
  const { SchemaEngine: Engine } = engineBindings as unknown as { SchemaEngine: typeof SchemaEngine };
  try {
    return await Engine.new(
      { datamodels: [[schema.path, schema.content]] },
      (line: string) => log(line),
      bindMigrationAwareSqlAdapterFactory(adapterFactory),
    );
  } catch (error) {
    throw withPanic(error);
  }
}

/** Engine errors arrive as plain objects or panics; give them a readable message. */
export function withPanic(error: unknown): Error {
  const detail =
    error instanceof Error
      ? error.message
      : typeof error === 'object' && error !== null && 'message' in error
        ? String((error as { message: unknown }).message)
        : String(error);
  const message = lastPanic ? `${detail} (schema engine panic: ${lastPanic})` : detail;
  lastPanic = undefined;
  return new Error(`Schema engine: ${message}`, { cause: error });
}
