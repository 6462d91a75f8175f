// Where a tool's problems are reported: manifest errors (naming file, tool and field) or warnings in --all.
export interface Problems {
  /** A manifest mistake: codegen fails. */
  fail(field: string, message: string): void;
  /** Something the generator cannot support fully: reported, the tool still works. */
  warn(message: string): void;
}

export class ToolProblems implements Problems {
  readonly errors: string[] = [];
  constructor(
    private readonly label: string,
    private readonly warnings: { add(where: string, message: string): void },
    private readonly where: string,
  ) {}
  fail(field: string, message: string): void {
    this.errors.push(`${this.label}: ${field}: ${message}`);
  }
  warn(message: string): void {
    this.warnings.add(this.where, message);
  }
}
