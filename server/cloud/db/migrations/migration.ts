/** One schema change: applied once, in file-name order, never edited after it has shipped. */
export interface Migration {
  id: string;
  sql: string;
}
