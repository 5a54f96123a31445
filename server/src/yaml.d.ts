/** YAML data files are parsed at build time and embedded as their value (esbuild.js, `yamlData`). */
declare module '*.yaml' {
  const data: unknown;
  export default data;
}
