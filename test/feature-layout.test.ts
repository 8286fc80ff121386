// Every feature folder has the same shape (README, "Architecture"): a newcomer who knows one
// knows them all. These checks read the source tree, so a file in the wrong place fails here.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = process.cwd();
const read = (file: string) => readFileSync(path.join(root, file), "utf8");
const isTest = (file: string) => /\.test\.tsx?$/.test(file);
const isSource = (file: string) => /\.tsx?$/.test(file) && !file.endsWith(".d.ts");

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

const featureFiles = filesUnder("features").filter(isSource);
const features = [...new Set(featureFiles.map((file) => file.split("/")[1]!))].sort();
const featureOf = (file: string) => file.split("/")[1]!;

/** Where a module specifier points inside the repository, or null for a package. */
function targetOf(from: string, specifier: string): string | null {
  if (specifier.startsWith("@/")) return specifier.slice(2);
  if (specifier.startsWith(".")) return path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  return null;
}

type Import = { target: string; typeOnly: boolean };

function importsOf(file: string): Import[] {
  const source = ts.createSourceFile(file, read(file), ts.ScriptTarget.Latest, false);
  const found: Import[] = [];
  for (const statement of source.statements) {
    if (
      (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) &&
      statement.moduleSpecifier &&
      ts.isStringLiteral(statement.moduleSpecifier)
    ) {
      const target = targetOf(file, statement.moduleSpecifier.text);
      const typeOnly = ts.isImportDeclaration(statement) ? Boolean(statement.importClause?.isTypeOnly) : statement.isTypeOnly;
      if (target) found.push({ target, typeOnly });
    }
  }
  return found;
}

/** The exported functions of a file: their names, parameter names and body text. */
function exportedFunctions(file: string) {
  const text = read(file);
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: { name: string; parameters: string[]; body: string }[] = [];
  const exported = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && exported(statement) && statement.name && statement.body) {
      found.push({ name: statement.name.text, parameters: statement.parameters.map((p) => p.name.getText(source)), body: statement.body.getText(source) });
    }
    if (ts.isVariableStatement(statement) && exported(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer;
        if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) {
          found.push({
            name: declaration.name.getText(source),
            parameters: init.parameters.map((p) => p.name.getText(source)),
            body: init.body.getText(source),
          });
        }
      }
    }
  }
  return found;
}

/** The folders a feature is made of: the feature itself and sub-features such as incidents/list. */
const RESERVED_FOLDERS = new Set(["components", "actions", "mutations", "reads"]);
const moduleFolders = [...new Set(featureFiles.map((file) => path.posix.dirname(file)))].filter(
  (dir) =>
    !dir
      .split("/")
      .slice(2)
      .some((segment) => RESERVED_FOLDERS.has(segment)),
);

describe("the shape of every feature folder", () => {
  it.each(features)("%s: components/ holds React components only (.tsx) and none reads the database", (feature) => {
    const components = featureFiles.filter((file) => featureOf(file) === feature && file.split("/").includes("components") && !isTest(file));
    expect(components.filter((file) => !file.endsWith(".tsx"))).toEqual([]);
    const readers = components.filter((file) => importsOf(file).some((i) => !i.typeOnly && (i.target === "lib/db" || i.target.startsWith("lib/db/"))));
    expect(readers).toEqual([]);
  });

  it.each(features)("%s: actions/ holds one server action per file", (feature) => {
    const actions = featureFiles.filter((file) => featureOf(file) === feature && file.split("/").includes("actions") && !isTest(file));
    const wrong = actions.filter((file) => {
      const text = read(file);
      const exports = [...text.matchAll(/^export (?:async function|function|const) (\w+)/gm)].map((m) => m[1]);
      return !/^["']use server["'];/.test(text.trimStart()) || exports.length !== 1;
    });
    expect(wrong).toEqual([]);
  });

  it.each(moduleFolders)("%s: mutations live in mutations.ts or in mutations/, not both", (dir) => {
    const hasFile = featureFiles.includes(`${dir}/mutations.ts`);
    const hasFolder = featureFiles.some((file) => file.startsWith(`${dir}/mutations/`));
    expect(hasFile && hasFolder).toBe(false);
  });

  it.each(moduleFolders)("%s: every mutation that takes an actor checks its permission first (assertMay)", (dir) => {
    const files = featureFiles.filter((file) => (file === `${dir}/mutations.ts` || file.startsWith(`${dir}/mutations/`)) && !isTest(file));
    const unchecked = files.flatMap((file) =>
      exportedFunctions(file)
        .filter((fn) => fn.parameters.includes("actor") && !fn.body.includes("assertMay("))
        .map((fn) => `${file}: ${fn.name}`),
    );
    expect(unchecked).toEqual([]);
  });

  it.each(moduleFolders)("%s: queries.ts holds the server-only wrappers pages call, on the app's database", (dir) => {
    const file = `${dir}/queries.ts`;
    if (!featureFiles.includes(file)) return;
    expect(read(file).trimStart().startsWith('import "server-only";')).toBe(true);
    const takingDb = exportedFunctions(file).filter((fn) => fn.parameters.some((p) => p === "db" || p === "tx"));
    expect(takingDb.map((fn) => fn.name)).toEqual([]);
  });

  it.each(features)("%s: only queries.ts and actions/ use the app's database client; reads and mutations take it as `db`", (feature) => {
    const users = featureFiles
      .filter((file) => featureOf(file) === feature && !isTest(file))
      .filter((file) => importsOf(file).some((i) => !i.typeOnly && (i.target === "lib/db" || i.target === "lib/db/index" || i.target === "lib/db/replica")))
      .filter((file) => !file.endsWith("/queries.ts") && !file.split("/").includes("actions"));
    expect(users).toEqual([]);
  });

  it.each(features)("%s: input schemas are declared in schemas.ts", (feature) => {
    const declaring = featureFiles
      .filter((file) => featureOf(file) === feature && !isTest(file) && !file.endsWith("/schemas.ts"))
      .filter((file) => /\bz\.(?:object|strictObject|looseObject)\(/.test(read(file)));
    expect(declaring).toEqual([]);
  });

  it.each(features)("%s: responses are shaped in reads.ts (no response.ts)", (feature) => {
    expect(featureFiles.filter((file) => featureOf(file) === feature && /\/(?:response|responses|api)\.ts$/.test(file))).toEqual([]);
  });
});

describe("the arrows between the parts run one way", () => {
  it("lib/ and components/ never import a feature", () => {
    const files = [...filesUnder("lib"), ...filesUnder("components")].filter((file) => isSource(file) && !file.startsWith("lib/generated/") && !isTest(file));
    const offenders = files.flatMap((file) =>
      importsOf(file)
        .filter((i) => i.target.startsWith("features/"))
        .map((i) => `${file} → ${i.target}`),
    );
    expect(offenders).toEqual([]);
  });

  it("no two features import each other, directly or round a longer cycle", () => {
    const edges = new Map<string, Set<string>>(features.map((f) => [f, new Set()]));
    for (const file of featureFiles.filter((f) => !isTest(f))) {
      for (const i of importsOf(file)) {
        if (i.target.startsWith("features/") && featureOf(i.target) !== featureOf(file)) edges.get(featureOf(file))!.add(featureOf(i.target));
      }
    }
    const cycles: string[] = [];
    const visit = (feature: string, trail: string[]) => {
      for (const next of edges.get(feature) ?? []) {
        if (next === trail[0]) cycles.push([...trail, next].join(" → "));
        else if (!trail.includes(next) && next > trail[0]!) visit(next, [...trail, next]);
      }
    };
    for (const feature of features) visit(feature, [feature]);
    expect(cycles).toEqual([]);
  });
});

describe("size", () => {
  it("no source file passes 300 lines", () => {
    const tracked = ["app", "components", "features", "lib", "scripts", "test", "e2e", "prisma"]
      .flatMap((dir) => filesUnder(dir))
      .filter((file) => isSource(file) && !file.startsWith("lib/generated/") && !file.includes("/migrations/") && statSync(path.join(root, file)).isFile());
    const long = tracked.filter((file) => read(file).split("\n").length > 301).map((file) => `${file}: ${read(file).split("\n").length - 1} lines`);
    expect(long).toEqual([]);
  });
});
