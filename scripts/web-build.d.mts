/** Types of web-build.mjs (a plain script so that `npm start` needs no TypeScript for it). */
export declare const ROOT: string;
export declare const WEB: string;
export declare const BUILT: string;
export declare const WEB_SOURCES: string[];
export declare function isWebBuildStale(): boolean;
