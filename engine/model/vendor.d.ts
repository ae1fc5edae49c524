/**
 * The little of bpmn-moddle and dmn-moddle this engine uses. Their package entry points ship no type
 * declarations, so the parse results stay `unknown` here and are read through `moddle-node.ts`.
 */

declare module 'bpmn-moddle' {
  /** The result of `fromXML`: the root element, non-fatal warnings, and the references moddle tried to resolve. */
  export interface ModdleParseResult {
    readonly rootElement: unknown;
    readonly warnings: readonly unknown[];
    readonly references: readonly unknown[];
    readonly elementsById: Readonly<Record<string, unknown>>;
  }

  /** A BPMN moddle with extra packages, e.g. `{ zeebe: zeebeDescriptor }`. */
  export class BpmnModdle {
    constructor(packages?: Readonly<Record<string, unknown>>);
    fromXML(xml: string, typeName?: string): Promise<ModdleParseResult>;
  }
}

declare module 'dmn-moddle' {
  import type { ModdleParseResult } from 'bpmn-moddle';

  /** A DMN 1.3 moddle. */
  export class DmnModdle {
    constructor(packages?: Readonly<Record<string, unknown>>);
    fromXML(xml: string, typeName?: string): Promise<ModdleParseResult>;
  }
}
