export * from "./zone.js";
export * from "./billing.js";
export * from "./presets.js";
