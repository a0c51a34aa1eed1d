// This feature's texts: English complete, Welsh with the same keys (a test checks).
export const en = {};
export const cy: typeof en = {};
