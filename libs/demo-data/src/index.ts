export { generateDemoData } from './lib/generate';
export { DEMO_LABELS } from './lib/labels';
export type * from './lib/types';
