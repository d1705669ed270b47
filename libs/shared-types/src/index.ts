export * from './auth';
export * from './blobs';
export * from './categories';
export * from './common';
export * from './health';
export * from './items';
export * from './protocol';
export * from './tags';
