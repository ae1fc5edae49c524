/** Public surface of the kit's gateway proto: its path, loader options and grpc-js definitions. */
export {
  GATEWAY_SERVICE,
  LOADER_OPTIONS,
  PROTO_PATH,
  createGatewayClientConstructor,
  loadGatewayDefinition,
  loadGatewayPackageDefinition,
} from './load.js';
