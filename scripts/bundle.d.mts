/** Entries (without extension, relative to the repository root) that get a bundle. */
export declare const BUNDLED_ENTRIES: readonly string[];
/** Where the bundle of `entry` lives under `base` (the repository root by default). */
export declare function bundlePath(entry: string, base?: string): string;
/** Bundles `entry` (e.g. 'adapters/cli/ask') into one CommonJS file at `outfile`. */
export declare function bundleEntry(entry: string, outfile?: string): Promise<void>;
