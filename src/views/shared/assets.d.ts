// Style sheets a view imports are bundled into its page by codegen (codegen/views.ts).
declare module "*.css";
