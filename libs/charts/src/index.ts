export * from './lib/charts';
