/** Rows of one page (fetched with one extra, to tell whether a next page exists) and the total. */
export interface PageRows<T> {
  rows: T[];
  totalCount: number;
}
