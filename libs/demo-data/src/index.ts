export { generateDemoData } from './lib/generate';
export type * from './lib/types';
