// The first line of every generated source file.
export interface Source {
  specName: string;
  manifestName?: string;
}

export function header(source: Source): string {
  const from = source.manifestName ? `${source.manifestName} and ${source.specName}` : `${source.specName} (--all)`;
  return `// Written by \`npm run codegen\` from ${from}. Do not edit: change the spec or the manifest and run it again.\n`;
}
