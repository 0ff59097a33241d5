export * from './lib/reference-data';
