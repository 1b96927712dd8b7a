/** The add-in's version, as package.json and the manifest say it; recorded in what it builds and exports. */
export const ADDIN_VERSION = "0.1.0";
