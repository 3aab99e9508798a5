/** The package's types are behind an `exports` subpath, which the server's Node module resolution does not read. */
declare module '@orama/stemmers/danish' {
  export function stemmer(word: string): string;
}
