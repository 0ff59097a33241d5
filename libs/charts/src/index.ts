export * from './lib/palette';
export * from './lib/values';
export * from './lib/labels';
export * from './lib/category-chart';
export * from './lib/budget-chart';
export * from './lib/funding-chart';
export * from './lib/indicator-values';
export * from './lib/indicator-charts';
