// The part of Papa Parse's API that CSV imports use (the package ships no types of its own, and
// one string parsed at a time is all an import needs).
declare module "papaparse" {
  interface ParseError {
    type: "Quotes" | "Delimiter" | "FieldMismatch";
    /** `MissingQuotes`: a quoted field is still open at the end; `InvalidQuotes`: a quote inside one is not doubled. */
    code: string;
    message: string;
  }

  interface ParseResult {
    data: string[][];
    errors: ParseError[];
  }

  interface ParseConfig {
    delimiter: string;
    newline: "\n" | "\r\n" | "\r";
    quoteChar: string;
  }

  const Papa: { parse(input: string, config: ParseConfig): ParseResult };
  export default Papa;
}
