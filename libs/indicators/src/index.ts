export * from './lib/indicators';
