// Prisma's schema engine compiled to WebAssembly: computes schema diffs offline, with no
// native engine download. Used to write new migrations and to prove that the migrated
// database matches schema.prisma.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

type SchemaFiles = { files: { path: string; content: string }[] };
type DiffTarget = { tag: "empty" } | ({ tag: "schemaDatamodel" } & SchemaFiles);

type Engine = {
  introspect(params: {
    schema: SchemaFiles;
    baseDirectoryPath: string;
    force: boolean;
    compositeTypeDepth: number;
    namespaces: string[] | null;
  }): Promise<{ schema: SchemaFiles; warnings: string | null }>;
  diff(params: {
    from: DiffTarget;
    to: DiffTarget;
    script: boolean;
    exitCode: boolean | null;
    filters: { externalTables: string[]; externalEnums: string[] };
  }): Promise<{ exitCode: number; stdout: string | null }>;
};

type WasmBindings = {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
  SchemaEngine: { new: (options: object, log: (line: string) => void, adapter: object) => Promise<Engine> };
};

const require = createRequire(import.meta.url);
export const SCHEMA_PATH = path.join(process.cwd(), "prisma", "schema.prisma");

/**
 * adapter-pg cannot decode PostgreSQL's internal one-byte "char" type, which the engine's
 * catalog queries return (pg_constraint.contype and friends). pg hands those values over as
 * strings; tell the adapter they are text, then tell the engine they are characters.
 */
const PG_INTERNAL_CHAR = 18;
const PG_TEXT = 25;
const CHARACTER_COLUMN = 6; // ColumnTypeEnum.Character of @prisma/driver-adapter-utils
const charColumnsOf = new WeakMap<object, number[]>();

function catalogFriendlyPool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: 4 });
  const query = pool.query.bind(pool) as (config: unknown) => Promise<pg.QueryResult>;
  const patched = async (config: unknown) => {
    const result = await query(config);
    const charColumns: number[] = [];
    (result.fields ?? []).forEach((field, index) => {
      if (field.dataTypeID !== PG_INTERNAL_CHAR) return;
      field.dataTypeID = PG_TEXT;
      charColumns.push(index);
    });
    if (charColumns.length > 0) charColumnsOf.set(result.rows, charColumns);
    return result;
  };
  Object.assign(pool, { query: patched });
  return pool;
}

type RawResult = { columnTypes: number[]; rows: unknown[] };
type Queryable = { queryRaw(query: unknown): Promise<RawResult> };

function catalogFriendlyAdapterFactory(connectionString: string) {
  const factory = new PrismaPg(catalogFriendlyPool(connectionString));
  const withCharacters = <T extends Queryable>(adapter: T): T => {
    const queryRaw = adapter.queryRaw.bind(adapter);
    adapter.queryRaw = async (query: unknown) => {
      const result = await queryRaw(query);
      for (const index of charColumnsOf.get(result.rows) ?? []) result.columnTypes[index] = CHARACTER_COLUMN;
      return result;
    };
    return adapter;
  };
  return {
    provider: factory.provider as "postgres",
    adapterName: factory.adapterName,
    connect: async () => withCharacters(await factory.connect()),
    connectToShadowDb: async () => withCharacters(await factory.connectToShadowDb()),
  };
}

let bindingsOnce: Promise<WasmBindings> | undefined;

/** The wasm module is instantiated once per process; engines are cheap to create from it. */
function loadBindings(): Promise<WasmBindings> {
  bindingsOnce ??= (async () => {
    const packageDir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
    // The package imports its .wasm as an ES module, which Node cannot; instantiate it by hand.
    const bindings = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as WasmBindings;
    const { instance } = await WebAssembly.instantiate(readFileSync(path.join(packageDir, "schema_engine_bg.wasm")), {
      "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports,
    });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as (() => void) | undefined)?.();
    // The engine reports a Rust panic's message here before it traps.
    Object.assign(globalThis, {
      PRISMA_WASM_PANIC_REGISTRY: { set_message: (m: string) => console.error(`schema engine panic: ${m}`) },
    });
    return bindings;
  })();
  return bindingsOnce;
}

async function loadEngine(connectionString: string, schema: string): Promise<Engine> {
  const bindings = await loadBindings();
  const adapter = bindMigrationAwareSqlAdapterFactory(catalogFriendlyAdapterFactory(connectionString));
  return bindings.SchemaEngine.new({ datamodels: [["schema.prisma", schema]] }, () => {}, adapter);
}

function schemaFiles(content: string): SchemaFiles {
  return { files: [{ path: "schema.prisma", content }] };
}

/**
 * The SQL that takes the database at `databaseUrl` (or an empty one) to schema.prisma.
 * An empty string means they already agree. The database is read by introspection, as
 * `prisma db pull` would, then compared with schema.prisma by Prisma's own differ.
 */
export async function diffDatabaseToSchema(databaseUrl: string, from: "database" | "empty" = "database"): Promise<string> {
  const schema = readFileSync(SCHEMA_PATH, "utf8");
  const engine = await loadEngine(databaseUrl, schema);
  let source: DiffTarget = { tag: "empty" };
  if (from === "database") {
    const introspected = await engine.introspect({
      schema: schemaFiles(schema),
      baseDirectoryPath: path.dirname(SCHEMA_PATH),
      force: true,
      compositeTypeDepth: -1,
      namespaces: null,
    });
    source = { tag: "schemaDatamodel", ...introspected.schema };
  }
  const result = await engine.diff({
    from: source,
    to: { tag: "schemaDatamodel", ...schemaFiles(schema) },
    script: true,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  });
  const script = (result.stdout ?? "").trim();
  return script === "-- This is an empty migration." ? "" : script;
}
