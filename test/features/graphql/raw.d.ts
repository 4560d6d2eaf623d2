/** Vite's `?raw` imports: a file's text (the committed SDL, compared with the served one). */
declare module "*?raw" {
  const text: string;
  export default text;
}
