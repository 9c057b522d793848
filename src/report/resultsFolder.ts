/**
 * A results folder as the report sees it: the files present, JSON files parsed, CSV files as rows keyed by
 * their header. Readers take the columns and fields they know and ignore the rest, so that outputs can gain
 * columns and fields without breaking the report. (src/io/readResultsFolder.ts reads one from disk.)
 */
export interface ResultsFolder {
  /** The folder's name, for the title. */
  name: string;
  files: ReadonlySet<string>;
  /** The parsed file, or null when it is absent. */
  json(name: string): Promise<unknown>;
  /** The rows of a CSV file in file order (none when it is absent), streamed. */
  rows(name: string): AsyncIterable<Record<string, string>>;
}
